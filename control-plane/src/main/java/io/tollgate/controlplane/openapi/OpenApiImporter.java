package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollgate.controlplane.api.ApiRules;
import io.tollgate.controlplane.api.ApiSpec;
import io.tollgate.controlplane.authorizer.AuthorizerRules;
import io.tollgate.controlplane.authorizer.AuthorizerSpec;
import io.tollgate.controlplane.route.RoutePaths;
import io.tollgate.controlplane.route.RouteRules;
import io.tollgate.controlplane.route.RouteSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an OpenAPI document into an API, its authorizers and routes: each path and operation becomes a route
 * (x-amazon-apigateway-any-method becomes ANY), its x-amazon-apigateway-integration the route's integration,
 * security requirements its authorization, request validators its validation, components/schemas the
 * API's models. Whatever is not understood is reported as a warning with its location; whatever cannot be
 * imported faithfully (an unenforceable security scheme, an AWS service integration) is a violation, and
 * the whole document is refused. Plain logic, no database.
 */
final class OpenApiImporter {

    static final int MAX_ROUTES = 1000;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final Set<String> ROOT_EXTENSIONS = Set.of(Extensions.API_KEY_SOURCE, Extensions.REQUEST_VALIDATORS,
            Extensions.REQUEST_VALIDATOR, Extensions.CORS, Extensions.BINARY_MEDIA_TYPES, Extensions.GATEWAY_RESPONSES,
            Extensions.IMPORTEXPORT_VERSION, Extensions.KIND);
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String DIALECT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final int MAX_DESCRIPTION = 1024;

    private OpenApiImporter() {
    }

    private record Validator(boolean body, boolean parameters) {
    }

    /** What the document's security schemes are to Tollgate. */
    private record Schemes(Map<String, AuthorizerSpec> authorizers, Set<String> apiKeys, Map<String, String> unsupported,
                           Set<String> invalid) {
    }

    static ImportedDefinition read(String text) {
        Findings findings = new Findings();
        JsonNode doc = OpenApiDocuments.parse(text, findings);
        return read(doc, findings);
    }

    static ImportedDefinition read(JsonNode doc, Findings findings) {
        boolean openApi31 = Nodes.text(doc, "openapi").startsWith("3.1");
        Extensions.warnUnknown(doc, ROOT_EXTENSIONS, "", findings);
        Extensions.warnUnknown(doc.path("info"), Set.of(), "info", findings);
        Extensions.warnUnknown(doc.path("components"), Set.of(), "components", findings);
        Extensions.warnUnknown(doc.path("paths"), Set.of(), "paths", findings);
        for (String unsupported : List.of("webhooks", "callbacks")) {
            if (doc.has(unsupported)) {
                findings.warn(unsupported, "ignored: Tollgate routes requests to the API; it does not send " + unsupported);
            }
        }
        String kind = kind(doc);
        Schemes schemes = schemes(doc.path("components").path("securitySchemes"), findings);
        Map<String, JsonNode> models = models(doc.path("components").path("schemas"), openApi31);
        Map<String, Validator> validators = validators(doc.get(Extensions.REQUEST_VALIDATORS));
        ApiSpec.Cors cors = doc.has(Extensions.CORS) ? CorsExtension.read(doc.get(Extensions.CORS), Extensions.CORS, findings) : null;

        List<RouteSpec> routes = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        ApiSpec.Cors preflightCors = null;
        JsonNode paths = doc.path("paths");
        for (String path : Nodes.fieldNames(paths)) {
            if (path.startsWith("x-")) {
                continue;
            }
            JsonNode item = paths.get(path);
            String itemAt = "paths." + path;
            Set<String> understood = new HashSet<>(Set.of(Extensions.ANY_METHOD));
            Extensions.warnUnknown(item, understood, itemAt, findings);
            if (item.has("trace")) {
                findings.warn(itemAt + ".trace", "ignored: TRACE is not routed");
            }
            List<String> keys = new ArrayList<>(METHODS.stream().filter(item::has).toList());
            if (item.has(Extensions.ANY_METHOD)) {
                keys.add(Extensions.ANY_METHOD);
            }
            for (String key : keys) {
                String at = itemAt + "." + key;
                String method = key.equals(Extensions.ANY_METHOD) ? "ANY" : key.toUpperCase(Locale.ROOT);
                JsonNode operation = item.get(key);
                Extensions.warnUnknown(operation, Set.of(Extensions.INTEGRATION, Extensions.REQUEST_VALIDATOR), at, findings);
                RouteSpec.Integration integration = integration(operation, at, method, kind.equals("HTTP"), findings);
                if (method.equals("OPTIONS") && integration != null && integration.type().equals("MOCK")
                        && CorsExtension.isPreflightMock(integration.headers())) {
                    // The REST API way of answering preflights; Tollgate answers them itself from the API's CORS.
                    ApiSpec.Cors found = CorsExtension.fromPreflightHeaders(integration.headers());
                    if (cors == null && preflightCors == null) {
                        preflightCors = found;
                    } else if (!found.equals(cors == null ? preflightCors : cors)) {
                        findings.warn(at, "ignored: its CORS headers differ from the API's CORS taken from another source; "
                                + "Tollgate applies one CORS setting per API");
                    }
                    findings.warn(at, "taken as the API's CORS: Tollgate answers preflight requests itself, so no OPTIONS route "
                            + "was created");
                    continue;
                }
                RouteSpec.Authorization authorization = authorization(
                        operation.has("security") ? operation.get("security") : doc.get("security"), at, schemes, findings);
                RouteSpec.Validation validation = validation(doc, item, operation, at, method, path, validators, models,
                        openApi31, findings);
                routes.add(new RouteSpec(method, path, authorization, integration, validation));
                locations.add(at);
            }
        }
        if (routes.size() > MAX_ROUTES) {
            findings.invalid("paths", "holds " + routes.size() + " operations; an API has at most " + MAX_ROUTES + " routes");
        }

        ApiSpec read = new ApiSpec(Nodes.text(doc.path("info"), "title"), description(doc, findings), kind,
                Nodes.text(doc, Extensions.API_KEY_SOURCE), cors != null ? cors : preflightCors,
                doc.has(Extensions.GATEWAY_RESPONSES)
                        ? GatewayResponsesExtension.read(doc.get(Extensions.GATEWAY_RESPONSES), Extensions.GATEWAY_RESPONSES, findings)
                        : Map.of(),
                models, Nodes.strings(doc.get(Extensions.BINARY_MEDIA_TYPES)));
        ApiSpec api = findings.check(OpenApiImporter::apiLocation, () -> ApiRules.check(read));
        List<AuthorizerSpec> authorizers = new ArrayList<>();
        Map<String, String> authorizerTypes = new LinkedHashMap<>();
        schemes.authorizers().forEach((name, spec) -> {
            AuthorizerSpec checked = findings.check("components.securitySchemes." + name + "." + Extensions.AUTHORIZER,
                    () -> AuthorizerRules.check(spec));
            if (checked != null) {
                authorizers.add(checked);
                authorizerTypes.put(name, checked.type());
            }
        });
        RouteRules.ApiContext context = new RouteRules.ApiContext(authorizerTypes, models.keySet());
        List<RouteSpec> checkedRoutes = new ArrayList<>();
        List<RoutePaths.Existing> existing = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            RouteSpec route = routes.get(i);
            String at = locations.get(i);
            if (route.integration() == null) {
                continue;
            }
            RouteSpec checked = findings.check(field -> at + "." + routeLocation(field), () -> RouteRules.check(route, context));
            if (checked == null) {
                continue;
            }
            RoutePaths.conflict(existing, at, checked.method(), checked.path()).ifPresent(other -> findings.invalid(at,
                    "matches the same requests as " + other.id() + " (paths that differ only in parameter names)"));
            existing.add(new RoutePaths.Existing(at, checked.method(), checked.path()));
            checkedRoutes.add(checked);
        }
        findings.throwIfInvalid();
        return new ImportedDefinition(api, authorizers, checkedRoutes, findings.warnings());
    }

    /** REST unless the document says otherwise: Tollgate's own extension, or the marks of a cloud gateway HTTP API. */
    private static String kind(JsonNode doc) {
        String declared = Nodes.text(doc, Extensions.KIND);
        if (declared != null) {
            return declared;
        }
        return doc.has(Extensions.IMPORTEXPORT_VERSION) || doc.has(Extensions.CORS) ? "HTTP" : "REST";
    }

    private static String description(JsonNode doc, Findings findings) {
        String description = Nodes.text(doc.path("info"), "description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            findings.warn("info.description", "shortened to " + MAX_DESCRIPTION + " characters, the longest description an API keeps");
            return description.substring(0, MAX_DESCRIPTION);
        }
        return description;
    }

    private static Schemes schemes(JsonNode securitySchemes, Findings findings) {
        Map<String, AuthorizerSpec> authorizers = new LinkedHashMap<>();
        Set<String> apiKeys = new HashSet<>();
        Map<String, String> unsupported = new LinkedHashMap<>();
        Set<String> invalid = new HashSet<>();
        for (String name : Nodes.fieldNames(securitySchemes)) {
            JsonNode scheme = securitySchemes.get(name);
            String at = "components.securitySchemes." + name;
            Extensions.warnUnknown(scheme, Set.of(Extensions.AUTHORIZER, Extensions.AUTHTYPE), at, findings);
            String type = Nodes.text(scheme, "type");
            if (scheme.has(Extensions.AUTHORIZER)) {
                AuthorizerSpec spec = AuthorizerExtension.read(name, scheme.get(Extensions.AUTHORIZER), at + "." + Extensions.AUTHORIZER,
                        findings);
                if (spec != null) {
                    authorizers.put(name, spec);
                } else {
                    invalid.add(name);
                }
            } else if ("apiKey".equals(type)) {
                apiKeys.add(name);
                if (!"header".equals(Nodes.text(scheme, "in")) || !"x-api-key".equalsIgnoreCase(Nodes.text(scheme, "name"))) {
                    findings.warn(at + ".name", "ignored: the gateway reads API keys from the x-api-key header (or from the "
                            + "authorizer, with the API-key source AUTHORIZER)");
                }
            } else {
                unsupported.put(name, type);
            }
        }
        return new Schemes(authorizers, apiKeys, unsupported, invalid);
    }

    private static Map<String, JsonNode> models(JsonNode schemas, boolean openApi31) {
        Map<String, JsonNode> models = new LinkedHashMap<>();
        for (String name : Nodes.fieldNames(schemas)) {
            models.put(name, model(schemas.get(name), openApi31));
        }
        return models;
    }

    /** OpenAPI 3.1 schemas are JSON Schema 2020-12; a model names its dialect, draft-04 being the default. */
    private static JsonNode model(JsonNode schema, boolean openApi31) {
        if (!openApi31 || !schema.isObject() || schema.has("$schema")) {
            return schema.deepCopy();
        }
        ObjectNode withDialect = Nodes.object().put("$schema", DIALECT_2020_12);
        withDialect.setAll((ObjectNode) schema.deepCopy());
        return withDialect;
    }

    private static Map<String, Validator> validators(JsonNode x) {
        Map<String, Validator> validators = new LinkedHashMap<>();
        for (String name : Nodes.fieldNames(x)) {
            JsonNode validator = x.get(name);
            validators.put(name, new Validator(Boolean.TRUE.equals(Nodes.bool(validator, "validateRequestBody")),
                    Boolean.TRUE.equals(Nodes.bool(validator, "validateRequestParameters"))));
        }
        return validators;
    }

    private static RouteSpec.Integration integration(JsonNode operation, String at, String method, boolean httpApi, Findings findings) {
        if (!operation.has(Extensions.INTEGRATION)) {
            findings.warn(at, "has no " + Extensions.INTEGRATION + ": the route answers 501 from a mock until its integration is set");
            return new RouteSpec.Integration("MOCK", null, null, null, null, null, null, null, null, null, null, 501, null,
                    "{\"message\":\"Not implemented\"}", null);
        }
        return IntegrationExtension.read(operation.get(Extensions.INTEGRATION), at + "." + Extensions.INTEGRATION, method, httpApi,
                findings);
    }

    private static RouteSpec.Authorization authorization(JsonNode security, String at, Schemes schemes, Findings findings) {
        if (security == null || security.isEmpty()) {
            return null;
        }
        if (security.size() > 1) {
            findings.invalid(at + ".security", "alternative security requirements are not supported; list the schemes a "
                    + "request must satisfy in one requirement");
            return null;
        }
        JsonNode requirement = security.get(0);
        String authorizer = null;
        List<String> scopes = List.of();
        boolean apiKey = false;
        for (String name : Nodes.fieldNames(requirement)) {
            if (schemes.authorizers().containsKey(name)) {
                if (authorizer != null) {
                    findings.invalid(at + ".security", "uses two authorizers; a route has one");
                }
                authorizer = name;
                scopes = Nodes.strings(requirement.get(name));
            } else if (schemes.apiKeys().contains(name)) {
                apiKey = true;
            } else if (schemes.unsupported().containsKey(name)) {
                findings.invalid(at + ".security." + name, "the " + schemes.unsupported().get(name) + " scheme has no "
                        + Extensions.AUTHORIZER + ", so Tollgate cannot enforce it; importing the operation without it would "
                        + "leave it open");
            } else if (!schemes.invalid().contains(name)) { // an invalid scheme is reported where it is defined
                findings.invalid(at + ".security." + name, "is not a security scheme of the document");
            }
        }
        if (authorizer == null) {
            return new RouteSpec.Authorization(apiKey ? "API_KEY" : "NONE", null, List.of(), apiKey);
        }
        String type = schemes.authorizers().get(authorizer).type();
        if (type.equals("REQUEST") && !scopes.isEmpty()) {
            findings.warn(at + ".security." + authorizer, "ignored scopes: only JWT authorizers check scopes");
            scopes = List.of();
        }
        return new RouteSpec.Authorization(type, authorizer, scopes, apiKey);
    }

    private static RouteSpec.Validation validation(JsonNode doc, JsonNode item, JsonNode operation, String at, String method,
                                                   String path, Map<String, Validator> validators, Map<String, JsonNode> models,
                                                   boolean openApi31, Findings findings) {
        String name = operation.has(Extensions.REQUEST_VALIDATOR) ? Nodes.text(operation, Extensions.REQUEST_VALIDATOR)
                : Nodes.text(doc, Extensions.REQUEST_VALIDATOR);
        if (name == null) {
            return null;
        }
        Validator validator = validators.get(name);
        if (validator == null) {
            findings.invalid(at + "." + Extensions.REQUEST_VALIDATOR, "is not one of " + Extensions.REQUEST_VALIDATORS);
            return null;
        }
        String bodyModel = validator.body() ? bodyModel(doc, operation, at, method, path, models, openApi31, findings) : null;
        List<String> queries = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        if (validator.parameters()) {
            List<JsonNode> parameters = new ArrayList<>();
            item.path("parameters").forEach(parameters::add);
            operation.path("parameters").forEach(parameters::add);
            for (JsonNode parameter : parameters) {
                JsonNode resolved = resolve(doc, parameter);
                if (!Boolean.TRUE.equals(Nodes.bool(resolved, "required"))) {
                    continue;
                }
                String in = Nodes.text(resolved, "in");
                if ("query".equals(in)) {
                    queries.add(Nodes.text(resolved, "name"));
                } else if ("header".equals(in)) {
                    headers.add(Nodes.text(resolved, "name"));
                }
            }
        }
        return bodyModel == null && queries.isEmpty() && headers.isEmpty() ? null
                : new RouteSpec.Validation(bodyModel, queries, headers);
    }

    private static String bodyModel(JsonNode doc, JsonNode operation, String at, String method, String path,
                                    Map<String, JsonNode> models, boolean openApi31, Findings findings) {
        JsonNode content = resolve(doc, operation.path("requestBody")).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        JsonNode schema = content.path("application/json").path("schema");
        if (schema.isMissingNode()) {
            findings.warn(at + ".requestBody", "ignored for validation: only application/json bodies are validated");
            return null;
        }
        String ref = Nodes.text(schema, "$ref");
        if (ref != null && ref.startsWith(SCHEMA_REF)) {
            return ref.substring(SCHEMA_REF.length());
        }
        if (ref != null) {
            findings.invalid(at + ".requestBody.content.application/json.schema.$ref", "must refer to " + SCHEMA_REF + "…");
            return null;
        }
        String name = Nodes.text(operation, "operationId");
        name = (name != null ? name : method.toLowerCase(Locale.ROOT) + path).replaceAll("[^A-Za-z0-9_.-]", "") + "Body";
        name = name.length() > 64 ? name.substring(0, 64) : name;
        models.put(name, model(schema, openApi31));
        findings.warn(at + ".requestBody", "the inline body schema was kept as the model " + name);
        return name;
    }

    /** A local {@code $ref} (#/components/…) resolved in the document; other nodes as they are. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = Nodes.text(node, "$ref");
        return ref != null && ref.startsWith("#/") ? doc.at(ref.substring(1)) : node;
    }

    /** Where in the document a field of the API's rules comes from. */
    private static String apiLocation(String field) {
        String head = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        String rest = field.substring(head.length());
        return switch (head) {
            case "name" -> "info.title";
            case "description" -> "info.description";
            case "kind" -> Extensions.KIND;
            case "apiKeySource" -> Extensions.API_KEY_SOURCE;
            case "cors" -> Extensions.CORS + rest;
            case "gatewayResponses" -> Extensions.GATEWAY_RESPONSES + rest;
            case "models" -> "components.schemas" + rest;
            default -> field.startsWith("binaryMediaTypes") ? Extensions.BINARY_MEDIA_TYPES + field.substring(16) : field;
        };
    }

    /** Where in an operation a field of the route's rules comes from. */
    private static String routeLocation(String field) {
        if (field.startsWith("integration.")) {
            return Extensions.INTEGRATION + field.substring("integration".length());
        }
        if (field.startsWith("authorization.")) {
            return "security";
        }
        if (field.startsWith("validation.")) {
            return Extensions.REQUEST_VALIDATOR;
        }
        return field.equals("path") || field.equals("method") ? "(" + field + ")" : field;
    }
}
