package io.tollgate.gateway.policy.cors;

import io.tollgate.contract.v1.CorsConfig;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.PolicyOrder;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS of an API (Fetch standard): the gateway answers preflight requests itself (204, with the
 * allowed methods, headers and max age when the origin is allowed; without CORS headers otherwise,
 * so the browser refuses), and adds the origin, credentials and exposed headers to every other
 * response for an allowed origin.
 */
public final class CorsPolicy implements Policy {

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final String methods;
    private final String headers;
    private final boolean anyHeader;
    private final String exposeHeaders;
    private final boolean credentials;
    private final String maxAge;

    public CorsPolicy(CorsConfig config) {
        this.origins = config.allowOrigins().stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.anyOrigin = origins.contains("*");
        this.methods = config.allowMethods().isEmpty() ? "GET, HEAD, POST"
                : config.allowMethods().stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "));
        this.anyHeader = config.allowHeaders().contains("*");
        this.headers = String.join(", ", config.allowHeaders());
        this.exposeHeaders = String.join(", ", config.exposeHeaders());
        this.credentials = config.allowCredentials();
        this.maxAge = config.maxAgeSeconds() > 0 ? String.valueOf(config.maxAgeSeconds()) : null;
    }

    @Override
    public PolicyOrder order() {
        return PolicyOrder.CORS;
    }

    public static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("origin") != null
                && request.getHeader("access-control-request-method") != null;
    }

    @Override
    public Future<Rejection> onRequest(Exchange exchange) {
        HttpServerRequest request = exchange.request();
        if (!isPreflight(request)) {
            return CONTINUE;
        }
        HttpServerResponse response = exchange.response().setStatusCode(204);
        String origin = request.getHeader("origin");
        if (allowed(origin)) {
            response.putHeader("access-control-allow-methods", methods);
            String requested = request.getHeader("access-control-request-headers");
            if (anyHeader && requested != null) {
                response.putHeader("access-control-allow-headers", requested);
            } else if (!headers.isEmpty()) {
                response.putHeader("access-control-allow-headers", headers);
            }
            if (maxAge != null) {
                response.putHeader("access-control-max-age", maxAge);
            }
        }
        response.end();
        return ANSWERED;
    }

    @Override
    public void onResponseHeaders(Exchange exchange) {
        String origin = exchange.request().getHeader("origin");
        if (origin == null || !allowed(origin)) {
            return;
        }
        HttpServerResponse response = exchange.response();
        response.putHeader("access-control-allow-origin", anyOrigin && !credentials ? "*" : origin);
        response.headers().add("vary", "Origin");
        if (credentials) {
            response.putHeader("access-control-allow-credentials", "true");
        }
        if (!exposeHeaders.isEmpty() && !isPreflight(exchange.request())) {
            response.putHeader("access-control-expose-headers", exposeHeaders);
        }
    }

    private boolean allowed(String origin) {
        return anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT));
    }
}
