package io.tollgate.controlplane.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A route as the tenant writes it and as it is stored and snapshotted. Field names mirror the data
 * plane's {@code RouteConfig}, {@code AuthorizationConfig}, {@code IntegrationConfig} and
 * {@code ValidationConfig}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A route: method and path template, its authorization, integration and optional validation")
public record RouteSpec(
        @Schema(description = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS or ANY") String method,
        @Schema(description = "Path template, e.g. /pets/{id} or /{proxy+} (greedy, last segment only)") String path,
        @Schema(description = "Who may call it; absent means NONE") Authorization authorization,
        @Schema(description = "What it calls") Integration integration,
        @Schema(description = "Optional request validation") Validation validation) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "How a route authorizes callers")
    public record Authorization(
            @Schema(description = "NONE, API_KEY, JWT or REQUEST") String type,
            @Schema(description = "Id of an authorizer of this API; required for JWT (a JWT authorizer) and REQUEST") String authorizerId,
            @Schema(description = "Scopes of which the JWT must hold one (JWT only)") List<String> scopes,
            @Schema(description = "Whether an API key is required as well (always for API_KEY)") Boolean apiKeyRequired) {
    }

    /** One shape for the four kinds; {@code type} says which fields apply. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The integration: HTTP_PROXY, HTTP, MOCK or FUNCTION; the fields of the other kinds must be absent")
    public record Integration(
            @Schema(description = "HTTP_PROXY, HTTP, MOCK or FUNCTION") String type,
            @Schema(description = "HTTP_PROXY, HTTP, FUNCTION: the URL; HTTP_PROXY may use {param} of the path and "
                    + "${stageVariables.name}") String uri,
            @Schema(description = "HTTP_PROXY: optional pool of weighted upstreams replacing the uri's scheme and host")
            List<Target> targets,
            @Schema(description = "HTTP_PROXY with targets: WEIGHTED_ROUND_ROBIN (default) or LEAST_OUTSTANDING_REQUESTS")
            String loadBalancing,
            @Schema(description = "HTTP_PROXY with targets: optional active health check") HealthCheck healthCheck,
            @Schema(description = "HTTP_PROXY, HTTP, FUNCTION: 50–29000 ms, default 29000") Integer timeoutMillis,
            @Schema(description = "HTTP: the upstream method; absent keeps the request's") String method,
            @Schema(description = "HTTP: request parameter mapping, e.g. integration.request.header.x-id → method.request.path.id")
            Map<String, String> requestParameters,
            @Schema(description = "HTTP: VTL templates that make the upstream request's body, by the request's content type "
                    + "(type/subtype, e.g. application/json); at most 16, each at most 65536 characters")
            Map<String, String> requestTemplates,
            @Schema(description = "HTTP: response parameter mapping") Map<String, String> responseParameters,
            @Schema(description = "HTTP: VTL templates that make the response body, by the upstream response's content type "
                    + "(type/subtype); at most 16, each at most 65536 characters") Map<String, String> responseTemplates,
            @Schema(description = "MOCK: the status code, 100–599") Integer statusCode,
            @Schema(description = "MOCK: response headers") Map<String, String> headers,
            @Schema(description = "MOCK: response body") String body,
            @Schema(description = "FUNCTION: Lambda-proxy event format 1.0 or 2.0 (default)") String payloadFormatVersion) {

        public static Integration httpProxy(String uri) {
            return new Integration("HTTP_PROXY", uri, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public Integration withTimeout(Integer timeout) {
            return new Integration(type, uri, targets, loadBalancing, healthCheck, timeout, method, requestParameters,
                    requestTemplates, responseParameters, responseTemplates, statusCode, headers, body, payloadFormatVersion);
        }

        public static Integration mock(int statusCode, String body) {
            return new Integration("MOCK", null, null, null, null, null, null, null, null, null, null, statusCode, null, body, null);
        }
    }

    @Schema(description = "One upstream of a pool")
    public record Target(@Schema(description = "Absolute http(s) URL of the upstream") String url,
                         @Schema(description = "Share of requests, 1–1000 (default 1)") Integer weight) {
    }

    @Schema(description = "Active health check of a pool's targets")
    public record HealthCheck(
            @Schema(description = "Path probed on each target, starting with /") String path,
            @Schema(description = "Seconds between probes, 1–3600") Integer intervalSeconds,
            @Schema(description = "Probe timeout, 50–60000 ms") Integer timeoutMillis,
            @Schema(description = "Successes before a target is healthy again, 1–10") Integer healthyThreshold,
            @Schema(description = "Failures before a target is taken out, 1–10") Integer unhealthyThreshold) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Request validation of a route")
    public record Validation(
            @Schema(description = "Name of a model of the API that the JSON body must satisfy") String bodyModel,
            @Schema(description = "Query string parameters that must be present") List<String> requiredQueryStrings,
            @Schema(description = "Headers that must be present") List<String> requiredHeaders) {
    }
}
