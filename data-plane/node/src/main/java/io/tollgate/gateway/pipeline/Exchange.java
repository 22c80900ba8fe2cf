package io.tollgate.gateway.pipeline;

import io.tollgate.contract.v1.GatewayResponseConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.gateway.config.ApiKeyEntry;
import io.tollgate.gateway.config.CompiledDeployment;
import io.tollgate.gateway.config.CompiledStage;
import io.tollgate.gateway.config.GatewaySnapshot;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.error.GatewayResponder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/**
 * One request on its way through the gateway: the configuration version it is served from, what
 * was resolved and matched for it, what policies learned about it, and the means to answer.
 * Lives on one event loop; never shared between requests.
 */
public final class Exchange {

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final String requestId;
    private final long startNanos;
    private final GatewaySnapshot snapshot;
    private final CompiledStage stage;
    private final CompiledDeployment deployment;
    private final Map<String, String> stageVariables;
    private final String routePath;
    private RouteConfig route;
    private String routeTemplate;
    private Map<String, String> pathParameters = Map.of();
    private ApiKeyEntry apiKey;
    private AuthorizerContext authorizer;
    private Future<Buffer> body;
    private long integrationNanos = -1;
    private CacheStatus cacheStatus;
    private long tapMaxBytes;
    private java.util.function.Consumer<Buffer> responseTap;

    public Exchange(Vertx vertx, HttpServerRequest request, String requestId, long startNanos, GatewaySnapshot snapshot,
            CompiledStage stage, CompiledDeployment deployment, Map<String, String> stageVariables, String routePath) {
        this.vertx = vertx;
        this.request = request;
        this.requestId = requestId;
        this.startNanos = startNanos;
        this.snapshot = snapshot;
        this.stage = stage;
        this.deployment = deployment;
        this.stageVariables = stageVariables;
        this.routePath = routePath;
    }

    /** Records the route that matched and the path parameters it bound. */
    public Exchange matched(RouteConfig route, String template, Map<String, String> pathParameters) {
        this.route = route;
        this.routeTemplate = template;
        this.pathParameters = pathParameters;
        return this;
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

    public GatewaySnapshot snapshot() {
        return snapshot;
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

    /** The matched route; null before a route matched. */
    public RouteConfig route() {
        return route;
    }

    /** The matched route's path template, e.g. {@code /pets/{id}}; null before a route matched. */
    public String routeTemplate() {
        return routeTemplate;
    }

    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    /** The caller's API key, once the API key policy identified it; null otherwise. */
    public ApiKeyEntry apiKey() {
        return apiKey;
    }

    public void identifiedKey(ApiKeyEntry key) {
        this.apiKey = key;
    }

    /** What the route's authorizer learned about the caller; null on routes without one. */
    public AuthorizerContext authorizer() {
        return authorizer;
    }

    public void authorized(AuthorizerContext context) {
        this.authorizer = context;
    }

    /**
     * The request body read whole, once: whoever asks first (a validating policy, an integration
     * that needs it whole) starts reading, later callers get the same buffer. Fails with
     * {@link BodyTooLarge} beyond {@code maxBytes} (a chunked body has no declared length to refuse early).
     */
    public Future<Buffer> body(long maxBytes) {
        if (body == null) {
            Promise<Buffer> read = Promise.promise();
            body = read.future();
            Buffer collected = Buffer.buffer();
            request.handler(chunk -> {
                if (read.future().isComplete()) {
                    return;
                }
                if (collected.length() + chunk.length() > maxBytes) {
                    read.fail(new BodyTooLarge());
                    return;
                }
                collected.appendBuffer(chunk);
            });
            request.exceptionHandler(read::tryFail);
            request.endHandler(end -> read.tryComplete(collected));
            request.resume(); // a policy that waited paused the request
        }
        return body;
    }

    /**
     * While a policy waits (a key set, an authorizer): holds back body chunks that nobody listens
     * to yet, unless a policy is reading the body itself.
     */
    public void holdBody() {
        if (body == null) {
            request.pause();
        }
    }

    /** Lets the body flow again for whatever runs next (it reads or streams it in the same turn). */
    public void releaseBody() {
        if (body == null) {
            request.resume();
        }
    }

    /** The body if a policy already read it whole (integrations then send this instead of streaming). */
    public Buffer bufferedBody() {
        return body != null && body.succeeded() ? body.result() : null;
    }

    /** The body is larger than the node accepts. */
    public static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("request body exceeds the limit", null, false, false);
        }
    }

    /** What the response cache did for this request (also reported in access events). */
    public enum CacheStatus { HIT, MISS, BYPASS }

    /** Null when the route does not cache. */
    public CacheStatus cacheStatus() {
        return cacheStatus;
    }

    public void cacheStatus(CacheStatus status) {
        this.cacheStatus = status;
    }

    /**
     * Asks to see the response body, when it is at most {@code maxBytes}, just before it is written
     * (the response cache stores it). Integrations answer such bodies whole through {@link #endResponse}.
     */
    public void tapResponse(long maxBytes, java.util.function.Consumer<Buffer> tap) {
        this.tapMaxBytes = maxBytes;
        this.responseTap = tap;
    }

    /** The largest body a tap wants to see whole; 0 when nobody does (integrations may then stream). */
    public long wholeResponseWanted() {
        return responseTap == null ? 0 : tapMaxBytes;
    }

    /** Ends the response with a body read whole, showing it to the tap first. */
    public void endResponse(Buffer body) {
        if (responseTap != null && body.length() <= tapMaxBytes) {
            responseTap.accept(body);
        }
        response().end(body);
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

    /** A gateway error whose body lists what was wrong (request validation). */
    public void fail(GatewayError error, java.util.List<String> violations) {
        Map<String, GatewayResponseConfig> overrides = deployment == null ? Map.of() : deployment.config().gatewayResponses();
        GatewayResponder.send(response(), error, requestId, overrides, Map.of(), violations);
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
