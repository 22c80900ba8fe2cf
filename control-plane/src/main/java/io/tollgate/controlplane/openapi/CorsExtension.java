package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollgate.controlplane.api.ApiSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CORS in the cloud gateway's two forms: {@code x-amazon-apigateway-cors} (HTTP APIs), read and written, and
 * the REST API habit of an OPTIONS method answered by a mock that sets the Access-Control-* headers, read
 * into the same API-wide CORS (Tollgate answers preflights itself, on every path).
 */
final class CorsExtension {

    private static final Set<String> FIELDS = Set.of("allowOrigins", "allowMethods", "allowHeaders", "exposeHeaders",
            "allowCredentials", "maxAge");

    private CorsExtension() {
    }

    static ApiSpec.Cors read(JsonNode x, String at, Findings findings) {
        for (String field : Nodes.fieldNames(x)) {
            if (!FIELDS.contains(field)) {
                findings.warn(at + "." + field, "ignored: not a CORS setting");
            }
        }
        return new ApiSpec.Cors(Nodes.strings(x.get("allowOrigins")), Nodes.strings(x.get("allowMethods")),
                Nodes.strings(x.get("allowHeaders")), Nodes.strings(x.get("exposeHeaders")), Nodes.bool(x, "allowCredentials"),
                Nodes.integer(x, "maxAge"));
    }

    /** CORS from the headers a preflight mock answers with; null when they hold no Access-Control-Allow-Origin. */
    static ApiSpec.Cors fromPreflightHeaders(Map<String, String> headers) {
        String origin = header(headers, "Access-Control-Allow-Origin");
        if (origin == null) {
            return null;
        }
        String credentials = header(headers, "Access-Control-Allow-Credentials");
        String maxAge = header(headers, "Access-Control-Max-Age");
        return new ApiSpec.Cors(split(origin), split(header(headers, "Access-Control-Allow-Methods")),
                split(header(headers, "Access-Control-Allow-Headers")), split(header(headers, "Access-Control-Expose-Headers")),
                credentials == null ? null : Boolean.valueOf(credentials), Nodes.integer(Nodes.object().put("maxAge", maxAge), "maxAge"));
    }

    static boolean isPreflightMock(Map<String, String> headers) {
        return headers != null && header(headers, "Access-Control-Allow-Origin") != null;
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static List<String> split(String value) {
        return value == null ? null : Nodes.strings(Nodes.tree(value));
    }

    static ObjectNode write(ApiSpec.Cors cors) {
        ObjectNode x = Nodes.object();
        putList(x, "allowOrigins", cors.allowOrigins());
        putList(x, "allowMethods", cors.allowMethods());
        putList(x, "allowHeaders", cors.allowHeaders());
        putList(x, "exposeHeaders", cors.exposeHeaders());
        if (cors.allowCredentials() != null) {
            x.put("allowCredentials", cors.allowCredentials());
        }
        if (cors.maxAgeSeconds() != null) {
            x.put("maxAge", cors.maxAgeSeconds());
        }
        return x;
    }

    private static void putList(ObjectNode node, String field, List<String> values) {
        if (values != null) {
            values.forEach(node.putArray(field)::add);
        }
    }
}
