package io.tollgate.contract.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/** What a route calls. The JSON carries the kind in {@code "type"}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = IntegrationConfig.HttpProxy.class, name = "HTTP_PROXY"),
        @JsonSubTypes.Type(value = IntegrationConfig.Http.class, name = "HTTP"),
        @JsonSubTypes.Type(value = IntegrationConfig.Mock.class, name = "MOCK"),
        @JsonSubTypes.Type(value = IntegrationConfig.Function.class, name = "FUNCTION")})
public sealed interface IntegrationConfig {

    int DEFAULT_TIMEOUT_MILLIS = 29_000;
    int MIN_TIMEOUT_MILLIS = 50;

    private static int timeout(Integer millis) {
        return Check.between(millis == null || millis == 0 ? DEFAULT_TIMEOUT_MILLIS : millis,
                MIN_TIMEOUT_MILLIS, DEFAULT_TIMEOUT_MILLIS, "timeoutMillis");
    }

    /**
     * Passes the request through to an upstream. {@code uri} is a template with {@code {param}}
     * path parameters and {@code ${stageVariables.name}}; with {@code targets}, the template's
     * scheme and authority are replaced by the chosen target's.
     */
    record HttpProxy(String uri, List<Target> targets, LoadBalancing loadBalancing, HealthCheck healthCheck,
            int timeoutMillis) implements IntegrationConfig {

        public HttpProxy {
            Check.required(uri, "integration.uri");
            targets = Check.list(targets);
            loadBalancing = loadBalancing == null ? LoadBalancing.WEIGHTED_ROUND_ROBIN : loadBalancing;
            timeoutMillis = timeout(timeoutMillis);
        }
    }

    /**
     * An upstream with request/response parameter mapping and optional body mapping templates.
     *
     * @param requestTemplates  VTL templates by the request's content type (e.g. {@code application/json})
     *                          that make the integration request's body
     * @param responseTemplates VTL templates by the integration response's content type that make the
     *                          method response's body
     */
    record Http(String method, String uri, Map<String, String> requestParameters, Map<String, String> requestTemplates,
            Map<String, String> responseParameters, Map<String, String> responseTemplates, int timeoutMillis)
            implements IntegrationConfig {

        public Http {
            Check.required(uri, "integration.uri");
            method = method == null || method.isBlank() ? null : method.toUpperCase(java.util.Locale.ROOT);
            requestParameters = Check.map(requestParameters);
            requestTemplates = Check.map(requestTemplates);
            responseParameters = Check.map(responseParameters);
            responseTemplates = Check.map(responseTemplates);
            timeoutMillis = timeout(timeoutMillis);
        }

        /** Without response templates. */
        public Http(String method, String uri, Map<String, String> requestParameters, Map<String, String> requestTemplates,
                Map<String, String> responseParameters, int timeoutMillis) {
            this(method, uri, requestParameters, requestTemplates, responseParameters, Map.of(), timeoutMillis);
        }
    }

    /** Answered by the gateway itself. */
    record Mock(int statusCode, Map<String, String> headers, String body) implements IntegrationConfig {

        public Mock {
            Check.between(statusCode, 100, 599, "integration.statusCode");
            headers = Check.map(headers);
            body = body == null ? "" : body;
        }
    }

    /** A function behind a URL, called with the Lambda-proxy event (payload format 1.0 or 2.0). */
    record Function(String uri, String payloadFormatVersion, int timeoutMillis) implements IntegrationConfig {

        public Function {
            Check.required(uri, "integration.uri");
            payloadFormatVersion = payloadFormatVersion == null ? "2.0" : payloadFormatVersion;
            if (!payloadFormatVersion.equals("1.0") && !payloadFormatVersion.equals("2.0")) {
                throw new IllegalArgumentException("payloadFormatVersion must be 1.0 or 2.0, got " + payloadFormatVersion);
            }
            timeoutMillis = timeout(timeoutMillis);
        }
    }

    /** One upstream of a pool. */
    record Target(String url, int weight) {

        public Target {
            Check.required(url, "target.url");
            weight = weight == 0 ? 1 : Check.between(weight, 1, 1000, "target.weight");
        }
    }

    enum LoadBalancing { WEIGHTED_ROUND_ROBIN, LEAST_OUTSTANDING_REQUESTS }

    /** Active health checks of a pool's targets; null on the integration means passive health only. */
    record HealthCheck(String path, int intervalSeconds, int timeoutMillis, int healthyThreshold, int unhealthyThreshold) {

        public HealthCheck {
            Check.required(path, "healthCheck.path");
            Check.between(intervalSeconds, 1, 3600, "healthCheck.intervalSeconds");
            Check.between(timeoutMillis, 50, 60_000, "healthCheck.timeoutMillis");
            Check.between(healthyThreshold, 1, 10, "healthCheck.healthyThreshold");
            Check.between(unhealthyThreshold, 1, 10, "healthCheck.unhealthyThreshold");
        }
    }
}
