package io.tollgate.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.controlplane.problem.Violations;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What a valid API definition is: plain rules, no database. */
public final class ApiRules {

    public static final List<String> KINDS = List.of("REST", "HTTP", "WEBSOCKET");
    public static final List<String> KEY_SOURCES = List.of("HEADER", "AUTHORIZER");
    /** Models are referenced by name from routes and from the cloud gateway's OpenAPI extensions. */
    static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Gateway error types are upper-case identifiers such as THROTTLED or INTEGRATION_TIMEOUT. */
    static final Pattern ERROR_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}");
    private static final int MAX_MODEL_BYTES = 65_536;

    private ApiRules() {
    }

    /** Validates and normalizes (trimmed name, upper-case kinds, HEADER by default). */
    public static ApiSpec check(ApiSpec spec) {
        Violations v = new Violations();
        if (v.required(spec.name(), "name")) {
            v.maxLength(spec.name().strip(), 128, "name");
        }
        v.maxLength(spec.description(), 1024, "description");
        String kind = oneOf(v, spec.kind(), KINDS, "kind", null);
        String keySource = oneOf(v, spec.apiKeySource(), KEY_SOURCES, "apiKeySource", "HEADER");
        if (spec.cors() != null) {
            checkCors(v, spec.cors());
        }
        spec.gatewayResponses().forEach((type, response) -> {
            String field = "gatewayResponses." + type;
            v.matches(type, ERROR_TYPE, field, "must be an upper-case error type such as THROTTLED");
            if (response == null) {
                v.add(field, "must be an object");
                return;
            }
            v.between(response.statusCode(), 100, 599, field + ".statusCode");
            v.stringMap(response.headers(), HEADER_NAME, "is not a valid header name", 4096, field + ".headers");
            v.maxLength(response.bodyTemplate(), 16_384, field + ".bodyTemplate");
        });
        spec.models().forEach((name, schema) -> checkModel(v, name, schema));
        v.strings(spec.binaryMediaTypes(), 128, "binaryMediaTypes");
        v.reject(spec.binaryMediaTypes().size() > 64, "binaryMediaTypes", "must hold at most 64 media types");
        v.throwIfAny();
        return new ApiSpec(spec.name().strip(), spec.description(), kind, keySource, spec.cors(), spec.gatewayResponses(),
                spec.models(), spec.binaryMediaTypes());
    }

    private static void checkCors(Violations v, ApiSpec.Cors cors) {
        v.strings(cors.allowOrigins(), 256, "cors.allowOrigins");
        v.strings(cors.allowMethods(), 16, "cors.allowMethods");
        v.strings(cors.allowHeaders(), 128, "cors.allowHeaders");
        v.strings(cors.exposeHeaders(), 128, "cors.exposeHeaders");
        v.between(cors.maxAgeSeconds(), 0, 86_400, "cors.maxAgeSeconds");
        // Browsers refuse credentials with a wildcard origin; better to say so than to serve a broken CORS.
        v.reject(Boolean.TRUE.equals(cors.allowCredentials()) && cors.allowOrigins() != null
                        && cors.allowOrigins().contains("*"),
                "cors.allowCredentials", "cannot be combined with the origin *");
    }

    private static void checkModel(Violations v, String name, JsonNode schema) {
        String field = "models." + name;
        if (!v.reject(!MODEL_NAME.matcher(name).matches(), field, "model names are 1–64 letters, digits, '.', '_' or '-'")) {
            return;
        }
        if (schema == null || !schema.isObject()) {
            v.add(field, "must be a JSON Schema document (a JSON object)");
        } else if (schema.toString().length() > MAX_MODEL_BYTES) {
            v.add(field, "must be at most " + MAX_MODEL_BYTES + " characters of JSON");
        } else {
            ModelSchemas.problems(schema).forEach(problem -> v.add(field, "is not a valid JSON Schema: " + problem));
        }
    }

    /** An enum-like string: case-insensitive, reported with the choices when unknown. */
    public static String oneOf(Violations v, String value, List<String> choices, String field, String fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                v.add(field, "is required; one of " + String.join(", ", choices));
            }
            return fallback;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!choices.contains(upper)) {
            v.add(field, "must be one of " + String.join(", ", choices));
            return fallback;
        }
        return upper;
    }

    static Map<String, Object> auditSummary(Api api) {
        return Map.of("name", api.name, "kind", api.kind);
    }
}
