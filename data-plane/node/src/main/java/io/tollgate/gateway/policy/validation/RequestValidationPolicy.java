package io.tollgate.gateway.policy.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.ValidationConfig;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.PolicyOrder;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Request validation of routes that ask for it: required query strings and headers first (400
 * {@code BAD_REQUEST_PARAMETERS}), then a JSON body against the route's model (400
 * {@code BAD_REQUEST_BODY}); both list every violation found (at most {@value #MAX_VIOLATIONS}).
 * Models are compiled once per configuration, shared by the routes that use them.
 */
public final class RequestValidationPolicy implements Policy {

    static final int MAX_VIOLATIONS = 20;

    /** One route's checks, compiled. */
    private record Checks(List<String> queryStrings, List<String> headers, Schema body) {
    }

    private final Map<String, Checks> byRoute;
    private final long maxBodyBytes;

    private RequestValidationPolicy(Map<String, Checks> byRoute, long maxBodyBytes) {
        this.byRoute = byRoute;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The policy of a deployment, or null when none of its routes validates anything. */
    public static RequestValidationPolicy compile(DeploymentConfig deployment, long maxBodyBytes) {
        Map<String, Schema> models = new HashMap<>();
        Map<String, Checks> byRoute = new HashMap<>();
        for (RouteConfig route : deployment.routes()) {
            ValidationConfig validation = route.validation();
            if (validation == null) {
                continue;
            }
            Schema body = validation.bodyModel() == null ? null : models.computeIfAbsent(validation.bodyModel(),
                    name -> JsonSchemas.compile(name, deployment.models().get(name)));
            byRoute.put(route.id(), new Checks(validation.requiredQueryStrings(), validation.requiredHeaders(), body));
        }
        return byRoute.isEmpty() ? null : new RequestValidationPolicy(Map.copyOf(byRoute), maxBodyBytes);
    }

    @Override
    public PolicyOrder order() {
        return PolicyOrder.VALIDATION;
    }

    @Override
    public Future<Rejection> onRequest(Exchange exchange) {
        Checks checks = exchange.route() == null ? null : byRoute.get(exchange.route().id());
        if (checks == null) {
            return CONTINUE;
        }
        List<String> missing = new ArrayList<>();
        for (String name : checks.queryStrings()) {
            String value = exchange.request().getParam(name);
            if (value == null) {
                missing.add("missing required query string '" + name + "'");
            }
        }
        for (String name : checks.headers()) {
            String value = exchange.request().getHeader(name);
            if (value == null || value.isBlank()) {
                missing.add("missing required header '" + name + "'");
            }
        }
        if (!missing.isEmpty()) {
            exchange.fail(GatewayError.BAD_REQUEST_PARAMETERS, missing);
            return ANSWERED;
        }
        if (checks.body() == null) {
            return CONTINUE;
        }
        String contentType = exchange.request().getHeader("content-type");
        if (!isJson(contentType)) {
            exchange.fail(GatewayError.BAD_REQUEST_BODY, List.of("content type " + contentType + " has no model; send application/json"));
            return ANSWERED;
        }
        return exchange.body(maxBodyBytes).transform(read -> {
            if (read.failed()) {
                if (read.cause() instanceof Exchange.BodyTooLarge) {
                    return Rejection.of(GatewayError.PAYLOAD_TOO_LARGE, Map.of("connection", "close"));
                }
                return Future.failedFuture(read.cause());
            }
            List<String> violations = violations(checks.body(), read.result());
            if (violations.isEmpty()) {
                return CONTINUE;
            }
            exchange.fail(GatewayError.BAD_REQUEST_BODY, violations);
            return ANSWERED;
        });
    }

    static List<String> violations(Schema schema, Buffer body) {
        JsonNode json;
        try {
            json = JsonSchemas.JSON.readTree(body.getBytes());
        } catch (JacksonException e) {
            return List.of("body is not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || json.isMissingNode()) {
            return List.of("body is empty; a JSON document is required");
        }
        List<Error> errors = schema.validate(json);
        List<String> violations = new ArrayList<>(Math.min(errors.size(), MAX_VIOLATIONS));
        for (Error error : errors) {
            if (violations.size() == MAX_VIOLATIONS) {
                break;
            }
            violations.add(error.toString());
        }
        return violations;
    }

    /** {@code application/json}, {@code application/…+json}, or no content type (as the cloud gateway assumes JSON). */
    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
