package io.tollgate.gateway.pipeline;

import io.tollgate.contract.v1.GatewayResponseConfig;
import io.tollgate.gateway.config.CompiledDeployment;
import io.tollgate.gateway.config.CompiledStage;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.error.GatewayResponder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/**
 * One request on its way through the gateway: what was resolved for it and the means to answer.
 * Lives on one event loop; never shared between requests.
 */
public final class Exchange {

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final String requestId;
    private final long startNanos;
    private final CompiledStage stage;
    private final CompiledDeployment deployment;
    private final Map<String, String> stageVariables;
    private final String routePath;
    private final String routeTemplate;
    private final Map<String, String> pathParameters;
    private long integrationNanos = -1;

    public Exchange(Vertx vertx, HttpServerRequest request, String requestId, long startNanos, CompiledStage stage,
            CompiledDeployment deployment, Map<String, String> stageVariables, String routePath, String routeTemplate,
            Map<String, String> pathParameters) {
        this.vertx = vertx;
        this.request = request;
        this.requestId = requestId;
        this.startNanos = startNanos;
        this.stage = stage;
        this.deployment = deployment;
        this.stageVariables = stageVariables;
        this.routePath = routePath;
        this.routeTemplate = routeTemplate;
        this.pathParameters = pathParameters;
    }

    public Vertx vertx() {
        return vertx;
    }

    public HttpServerRequest request() {
        return request;
    }

    public HttpServerResponse response() {
        return request.response();
    }

    public String requestId() {
        return requestId;
    }

    public long startNanos() {
        return startNanos;
    }

    public CompiledStage stage() {
        return stage;
    }

    public CompiledDeployment deployment() {
        return deployment;
    }

    public Map<String, String> stageVariables() {
        return stageVariables;
    }

    public String routePath() {
        return routePath;
    }

    /** The matched route's path template, e.g. {@code /pets/{id}}; null before a route matched. */
    public String routeTemplate() {
        return routeTemplate;
    }

    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    /** Set by the integration once it has its answer (response headers): its share of the latency. */
    public void integrationTook(long nanos) {
        this.integrationNanos = nanos;
    }

    /** -1 when no integration answered (gateway error, mock). */
    public long integrationNanos() {
        return integrationNanos;
    }

    public void fail(GatewayError error) {
        fail(error, Map.of());
    }

    public void fail(GatewayError error, Map<String, String> headers) {
        if (error == GatewayError.PAYLOAD_TOO_LARGE) {
            // the rest of the body is not read: this connection cannot carry another request
            headers = Map.of("connection", "close");
        }
        Map<String, GatewayResponseConfig> overrides = deployment == null ? Map.of() : deployment.config().gatewayResponses();
        GatewayResponder.send(response(), error, requestId, overrides, headers);
    }
}
