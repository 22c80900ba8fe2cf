package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollgate.controlplane.api.ApiSpec;
import io.tollgate.controlplane.authorizer.AuthorizerSpec;
import io.tollgate.controlplane.route.RoutePaths;
import io.tollgate.controlplane.route.RouteSpec;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An API as an OpenAPI 3.0 document (3.1 when a model is JSON Schema 2020-12) in the form the cloud gateway exports: an x-amazon-apigateway-integration
 * on every operation, security schemes with x-amazon-apigateway-authorizer, request validators, CORS, binary
 * media types and gateway responses. What Tollgate has beyond the cloud gateway travels in x-tollgate-*
 * extensions, so that importing the export gives the same API again. Deterministic: the same API always
 * exports to the same document. Plain logic, no database.
 */
final class OpenApiExporter {

    static final String OPENAPI_VERSION = "3.0.1";
    /** For APIs with JSON Schema 2020-12 models, which OpenAPI 3.0's schema objects cannot hold. */
    static final String OPENAPI_31_VERSION = "3.1.0";
    private static final String API_KEY_SCHEME = "api_key";

    private OpenApiExporter() {
    }

    /** @param authorizers the API's authorizers by id, which routes refer to */
    static ObjectNode write(ApiSpec api, Map<String, AuthorizerSpec> authorizers, List<RouteSpec> routes, boolean extensions) {
        boolean modern = api.models().values().stream()
                .anyMatch(model -> model.path("$schema").asText().startsWith("https://json-schema.org/draft/2020-12/"));
        ObjectNode doc = Nodes.object().put("openapi", modern ? OPENAPI_31_VERSION : OPENAPI_VERSION);
        ObjectNode info = doc.putObject("info").put("title", api.name());
        if (api.description() != null) {
            info.put("description", api.description());
        }
        info.put("version", "1");
        boolean httpApi = api.kind().equals("HTTP");
        Set<String> validatorsUsed = new LinkedHashSet<>();
        boolean apiKeysUsed = false;
        ObjectNode paths = doc.putObject("paths");
        Map<String, List<RouteSpec>> byPath = new TreeMap<>();
        routes.forEach(route -> byPath.computeIfAbsent(route.path(), p -> new java.util.ArrayList<>()).add(route));
        for (Map.Entry<String, List<RouteSpec>> entry : byPath.entrySet()) {
            ObjectNode item = Nodes.object();
            List<RouteSpec> sorted = entry.getValue().stream()
                    .sorted(Comparator.comparingInt(r -> RoutePaths.METHODS.indexOf(r.method()))).toList();
            for (RouteSpec route : sorted) {
                if (route.method().equals("ANY") && !extensions) {
                    continue;
                }
                String key = route.method().equals("ANY") ? Extensions.ANY_METHOD : route.method().toLowerCase(Locale.ROOT);
                ObjectNode operation = item.putObject(key);
                String validator = parameters(operation, route);
                ArrayNode security = security(route, authorizers);
                if (security != null) {
                    operation.set("security", security);
                    apiKeysUsed |= Boolean.TRUE.equals(route.authorization().apiKeyRequired());
                }
                if (extensions && validator != null) {
                    operation.put(Extensions.REQUEST_VALIDATOR, validator);
                    validatorsUsed.add(validator);
                }
                if (extensions) {
                    operation.set(Extensions.INTEGRATION, IntegrationExtension.write(route.integration(), route.method()));
                }
            }
            if (!item.isEmpty()) {
                paths.set(entry.getKey(), item);
            }
        }
        ObjectNode components = doc.putObject("components");
        if (!api.models().isEmpty()) {
            ObjectNode schemas = components.putObject("schemas");
            new TreeMap<>(api.models()).forEach(schemas::set);
        }
        ObjectNode schemes = Nodes.object();
        if (apiKeysUsed) {
            schemes.putObject(API_KEY_SCHEME).put("type", "apiKey").put("name", "x-api-key").put("in", "header");
        }
        authorizers.values().stream().sorted(Comparator.comparing(AuthorizerSpec::name))
                .forEach(a -> schemes.set(a.name(), AuthorizerExtension.write(a, httpApi, extensions)));
        if (!schemes.isEmpty()) {
            components.set("securitySchemes", schemes);
        }
        if (components.isEmpty()) {
            doc.remove("components");
        }
        if (extensions) {
            rootExtensions(doc, api, validatorsUsed);
        }
        return doc;
    }

    private static void rootExtensions(ObjectNode doc, ApiSpec api, Set<String> validatorsUsed) {
        doc.put(Extensions.KIND, api.kind());
        if (api.kind().equals("HTTP")) {
            doc.put(Extensions.IMPORTEXPORT_VERSION, "1.0");
        }
        doc.put(Extensions.API_KEY_SOURCE, api.apiKeySource());
        if (!validatorsUsed.isEmpty()) {
            ObjectNode validators = doc.putObject(Extensions.REQUEST_VALIDATORS);
            for (String name : List.of("all", "body", "params")) {
                if (validatorsUsed.contains(name)) {
                    validators.putObject(name).put("validateRequestBody", !name.equals("params"))
                            .put("validateRequestParameters", !name.equals("body"));
                }
            }
        }
        if (api.cors() != null) {
            doc.set(Extensions.CORS, CorsExtension.write(api.cors()));
        }
        if (!api.binaryMediaTypes().isEmpty()) {
            api.binaryMediaTypes().forEach(doc.putArray(Extensions.BINARY_MEDIA_TYPES)::add);
        }
        if (!api.gatewayResponses().isEmpty()) {
            doc.set(Extensions.GATEWAY_RESPONSES, GatewayResponsesExtension.write(new TreeMap<>(api.gatewayResponses())));
        }
    }

    /** Path parameters, required query strings and headers, the body model; returns the validator the route needs. */
    private static String parameters(ObjectNode operation, RouteSpec route) {
        ArrayNode parameters = Nodes.object().arrayNode();
        RoutePaths.parameters(route.path()).forEach(name -> parameters.add(parameter(name, "path")));
        RouteSpec.Validation validation = route.validation();
        boolean validatesParameters = false;
        if (validation != null) {
            List<String> queries = validation.requiredQueryStrings() == null ? List.of() : validation.requiredQueryStrings();
            List<String> headers = validation.requiredHeaders() == null ? List.of() : validation.requiredHeaders();
            queries.forEach(name -> parameters.add(parameter(name, "query")));
            headers.forEach(name -> parameters.add(parameter(name, "header")));
            validatesParameters = !queries.isEmpty() || !headers.isEmpty();
            if (validation.bodyModel() != null) {
                operation.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                        .putObject("schema").put("$ref", "#/components/schemas/" + validation.bodyModel());
            }
        }
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        operation.putObject("responses").putObject("default").put("description", "The integration's response");
        if (validation == null || (validation.bodyModel() == null && !validatesParameters)) {
            return null;
        }
        return validation.bodyModel() == null ? "params" : validatesParameters ? "all" : "body";
    }

    private static ObjectNode parameter(String name, String in) {
        ObjectNode parameter = Nodes.object().put("name", name).put("in", in).put("required", true);
        parameter.putObject("schema").put("type", "string");
        return parameter;
    }

    private static ArrayNode security(RouteSpec route, Map<String, AuthorizerSpec> authorizers) {
        RouteSpec.Authorization authorization = route.authorization();
        if (authorization == null || (authorization.authorizerId() == null && !Boolean.TRUE.equals(authorization.apiKeyRequired()))) {
            return null;
        }
        ObjectNode requirement = Nodes.object();
        if (authorization.authorizerId() != null) {
            ArrayNode scopes = requirement.putArray(authorizers.get(authorization.authorizerId()).name());
            (authorization.scopes() == null ? List.<String>of() : authorization.scopes()).forEach(scopes::add);
        }
        if (Boolean.TRUE.equals(authorization.apiKeyRequired())) {
            requirement.putArray(API_KEY_SCHEME);
        }
        return Nodes.object().arrayNode().add(requirement);
    }
}
