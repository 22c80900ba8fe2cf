package io.tollgate.gateway.pipeline;

import io.tollgate.gateway.config.CompiledDeployment;
import io.tollgate.gateway.config.CompiledRoute;
import io.tollgate.gateway.config.CompiledStage;
import io.tollgate.gateway.config.ConfigStore;
import io.tollgate.gateway.config.GatewaySnapshot;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.error.GatewayResponder;
import io.tollgate.gateway.metrics.GatewayMetrics;
import io.tollgate.gateway.policy.cors.CorsPolicy;
import io.tollgate.gateway.routing.EndpointResolver;
import io.tollgate.gateway.routing.RouteTable;
import io.tollgate.contract.v1.StageConfig;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The request path of the gateway, top to bottom: resolve host and stage → match the route →
 * (policies, as they come) → integration. Reads the configuration snapshot once, so a request sees
 * exactly one version. Requests that are not for a tenant's API (the node's own {@code /q/…}
 * endpoints on its plain address) go on to Quarkus.
 */
public final class GatewayHandler implements Handler<RoutingContext> {

    private final ConfigStore config;
    private final EndpointResolver resolver;
    private final long maxBodyBytes;
    private final GatewayMetrics metrics;

    public GatewayHandler(ConfigStore config, EndpointResolver resolver, long maxBodyBytes, GatewayMetrics metrics) {
        this.config = config;
        this.resolver = resolver;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
    }

    /** On the Quarkus router (the node's main port): what is not for a tenant's API goes on to Quarkus. */
    @Override
    public void handle(RoutingContext context) {
        handle(context.vertx(), context.request(), context::next);
    }

    /**
     * The request path itself, usable by any HTTP server of the node.
     *
     * @param notAnEndpoint what to do with a request for the node's own {@code /q/…} endpoints
     */
    public void handle(Vertx vertx, HttpServerRequest request, Runnable notAnEndpoint) {
        long start = System.nanoTime();
        GatewaySnapshot snapshot = config.current();
        EndpointResolver.Resolution resolution = snapshot == null ? null : resolver.resolve(snapshot, request.host(), request.path());
        if (resolution == null || resolution instanceof EndpointResolver.NotAnEndpoint) {
            if (request.path().startsWith("/q/")) {
                notAnEndpoint.run(); // the node's health and metrics endpoints
                return;
            }
            failEarly(request, snapshot == null ? GatewayError.GATEWAY_NOT_READY : GatewayError.UNKNOWN_HOST, start);
            return;
        }
        if (resolution instanceof EndpointResolver.Failed failed) {
            failEarly(request, failed.error(), start);
            return;
        }
        EndpointResolver.Resolved resolved = (EndpointResolver.Resolved) resolution;
        CompiledStage stage = resolved.stage();
        boolean canary = stage.canary() != null
                && ThreadLocalRandom.current().nextDouble(100) < stage.config().canary().percent();
        CompiledDeployment deployment = canary ? stage.canary() : stage.deployment();
        String requestId = RequestIds.newRequestId();
        StageConfig stageConfig = stage.config();

        // a CORS preflight is for the route the browser means to call, not for an OPTIONS route
        String method = CorsPolicy.isPreflight(request) && deployment.config().cors() != null
                ? request.getHeader("access-control-request-method").toUpperCase(java.util.Locale.ROOT) : request.method().name();
        RouteTable.Lookup<CompiledRoute> lookup = deployment.routes().lookup(method, resolved.routePath());
        Exchange exchange = new Exchange(vertx, request, requestId, start, snapshot, stage, deployment,
                stageVariables(stageConfig, canary), resolved.routePath());
        switch (lookup) {
            case RouteTable.Match<CompiledRoute> match -> {
                exchange.matched(match.route().config(), match.template(), match.pathParameters());
                String integrationType = match.route().config().integration().getClass().getSimpleName();
                request.response().endHandler(ended -> {
                    metrics.request(stageConfig.id(), stageConfig.tenantId(), stageConfig.apiId(), stageConfig.name(),
                            request.response().getStatusCode(), System.nanoTime() - start);
                    if (exchange.integrationNanos() >= 0) {
                        metrics.integration(stageConfig.id(), stageConfig.tenantId(), stageConfig.apiId(), stageConfig.name(),
                                integrationType, exchange.integrationNanos());
                    }
                });
                if (tooLarge(request)) {
                    exchange.fail(GatewayError.PAYLOAD_TOO_LARGE);
                    return;
                }
                deployment.policies().run(exchange, () -> match.route().integration().invoke(exchange));
            }
            case RouteTable.MethodNotAllowed<CompiledRoute> notAllowed -> {
                countOnEnd(request, stageConfig, start);
                deployment.policies().attachResponsePhase(exchange);
                exchange.fail(GatewayError.METHOD_NOT_ALLOWED, Map.of("allow", String.join(", ", notAllowed.allowed())));
            }
            case RouteTable.NotFound<CompiledRoute> notFound -> {
                countOnEnd(request, stageConfig, start);
                deployment.policies().attachResponsePhase(exchange);
                exchange.fail(GatewayError.ROUTE_NOT_FOUND);
            }
        }
    }

    private boolean tooLarge(HttpServerRequest request) {
        String length = request.getHeader("content-length");
        try {
            return length != null && Long.parseLong(length) > maxBodyBytes;
        } catch (NumberFormatException malformed) {
            return true;
        }
    }

    private static Map<String, String> stageVariables(StageConfig stage, boolean canary) {
        if (!canary || stage.canary().variables().isEmpty()) {
            return stage.variables();
        }
        Map<String, String> merged = new HashMap<>(stage.variables());
        merged.putAll(stage.canary().variables()); // a canary may override stage variables
        return merged;
    }

    private void countOnEnd(HttpServerRequest request, StageConfig stage, long start) {
        request.response().endHandler(ended -> metrics.request(stage.id(), stage.tenantId(), stage.apiId(), stage.name(),
                request.response().getStatusCode(), System.nanoTime() - start));
    }

    private void failEarly(HttpServerRequest request, GatewayError error, long start) {
        GatewayResponder.send(request.response(), error, RequestIds.newRequestId(), Map.of(), Map.of());
        metrics.request(GatewayMetrics.NONE, GatewayMetrics.NONE, GatewayMetrics.NONE, GatewayMetrics.NONE, error.status(),
                System.nanoTime() - start);
    }
}
