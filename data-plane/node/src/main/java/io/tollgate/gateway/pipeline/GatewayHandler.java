package io.tollgate.gateway.pipeline;

import io.tollgate.gateway.config.CompiledDeployment;
import io.tollgate.gateway.config.CompiledRoute;
import io.tollgate.gateway.config.CompiledStage;
import io.tollgate.gateway.config.ConfigStore;
import io.tollgate.gateway.config.GatewaySnapshot;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.events.AccessEventPublisher;
import io.tollgate.gateway.events.AccessEvents;
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
 * (policies, as they come) → integration → one access event when the response has ended. Reads the configuration snapshot once, so a request sees
 * exactly one version. Requests that are not for a tenant's API (the node's own {@code /q/…}
 * endpoints on its plain address) go on to Quarkus.
 */
public final class GatewayHandler implements Handler<RoutingContext> {

    private final ConfigStore config;
    private final EndpointResolver resolver;
    private final long maxBodyBytes;
    private final GatewayMetrics metrics;
    private final AccessEventPublisher events;

    public GatewayHandler(ConfigStore config, EndpointResolver resolver, long maxBodyBytes, GatewayMetrics metrics,
            AccessEventPublisher events) {
        this.config = config;
        this.resolver = resolver;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
        this.events = events;
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
        long epochMillis = System.currentTimeMillis();
        GatewaySnapshot snapshot = config.current();
        EndpointResolver.Resolution resolution = snapshot == null ? null : resolver.resolve(snapshot, request.host(), request.path());
        if (resolution == null || resolution instanceof EndpointResolver.NotAnEndpoint) {
            if (request.path().startsWith("/q/")) {
                notAnEndpoint.run(); // the node's health and metrics endpoints
                return;
            }
            failEarly(request, snapshot == null ? GatewayError.GATEWAY_NOT_READY : GatewayError.UNKNOWN_HOST, Map.of(), start,
                    epochMillis);
            return;
        }
        if (resolution instanceof EndpointResolver.Failed failed) {
            failEarly(request, failed.error(), failed.headers(), start, epochMillis);
            return;
        }
        if (events.rejectsTraffic()) { // policy reject: no request goes unmetered while the spool is full
            events.rejected();
            GatewayResponder.send(request.response(), GatewayError.METERING_UNAVAILABLE, RequestIds.newRequestId(), Map.of(), Map.of());
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
                onResponseEnd(request, stageConfig, exchange, match.route().integrationType(), requestId, start, epochMillis);
                if (tooLarge(request)) {
                    exchange.fail(GatewayError.PAYLOAD_TOO_LARGE);
                    return;
                }
                deployment.policies().run(exchange, () -> match.route().integration().invoke(exchange));
            }
            case RouteTable.MethodNotAllowed<CompiledRoute> notAllowed -> {
                onResponseEnd(request, stageConfig, exchange, null, requestId, start, epochMillis);
                deployment.policies().attachResponsePhase(exchange);
                exchange.fail(GatewayError.METHOD_NOT_ALLOWED, Map.of("allow", String.join(", ", notAllowed.allowed())));
            }
            case RouteTable.NotFound<CompiledRoute> notFound -> {
                onResponseEnd(request, stageConfig, exchange, null, requestId, start, epochMillis);
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

    /**
     * The one place an exchange is closed, whatever answered it (integration or gateway error): once
     * the response has ended, its metrics and its access event.
     *
     * @param stage           null when the request reached no stage
     * @param exchange        null when the request reached no stage
     * @param integrationType null when no route matched
     */
    private void onResponseEnd(HttpServerRequest request, StageConfig stage, Exchange exchange, String integrationType,
            String requestId, long start, long epochMillis) {
        request.response().endHandler(ended -> {
            long nanos = System.nanoTime() - start;
            int status = request.response().getStatusCode();
            if (stage == null) {
                metrics.request(GatewayMetrics.NONE, GatewayMetrics.NONE, GatewayMetrics.NONE, GatewayMetrics.NONE, status, nanos);
            } else {
                metrics.request(stage.id(), stage.tenantId(), stage.apiId(), stage.name(), status, nanos);
                if (integrationType != null && exchange.integrationNanos() >= 0) {
                    metrics.integration(stage.id(), stage.tenantId(), stage.apiId(), stage.name(), integrationType,
                            exchange.integrationNanos());
                }
            }
            events.emit(AccessEvents.of(request, stage, exchange, requestId, epochMillis, nanos));
        });
    }

    private void failEarly(HttpServerRequest request, GatewayError error, Map<String, String> headers, long start,
            long epochMillis) {
        String requestId = RequestIds.newRequestId();
        onResponseEnd(request, null, null, null, requestId, start, epochMillis);
        GatewayResponder.send(request.response(), error, requestId, Map.of(), headers);
    }
}
