package io.tollgate.gateway.policy.request;

import io.tollgate.contract.v1.AuthorizerConfig;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.integration.mapping.ParameterSource;
import io.tollgate.gateway.pipeline.AuthorizerContext;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.BoundedBody;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.Policy.Rejection;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One request authorizer, compiled when the configuration is applied: its identity sources, its
 * endpoint and TTL. Asks the tenant's endpoint with a POST of the request (the cloud gateway's
 * REQUEST authorizer event, payload 2.0) and reads its simple answer {@code {"isAuthorized": …,
 * "context": {…}}}. Allow and deny are cached per identity for the TTL; failures are not.
 */
final class RequestAuthorizer {

    private static final Logger LOG = Logger.getLogger(RequestAuthorizer.class);
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final AuthorizerConfig.Request config;
    private final List<ParameterSource> identitySources;
    private final HttpClient client;
    private final AuthorizerDecisions decisions;
    private final long timeoutMillis;
    private final long ttlNanos;

    RequestAuthorizer(AuthorizerConfig.Request config, HttpClient client, AuthorizerDecisions decisions, long timeoutMillis) {
        this.config = config;
        this.identitySources = config.identitySources().stream().map(ParameterSource::parse).toList();
        this.client = client;
        this.decisions = decisions;
        this.timeoutMillis = timeoutMillis;
        this.ttlNanos = TimeUnit.SECONDS.toNanos(config.resultTtlSeconds());
    }

    Future<Rejection> authorize(Exchange exchange) {
        List<String> identity = new ArrayList<>(identitySources.size());
        for (ParameterSource source : identitySources) {
            String value = source.value(exchange);
            if (value == null || value.isBlank()) {
                // as the cloud gateway: a request without its identity is refused without asking
                return Rejection.of(GatewayError.UNAUTHORIZED);
            }
            identity.add(value);
        }
        // without identity sources there is nothing to key a cached answer by: ask every time
        String key = identity.isEmpty() ? null : cacheKey(exchange, identity);
        AuthorizerDecisions.Decision cached = key == null ? null : decisions.get(key);
        if (cached != null) {
            return settle(exchange, cached);
        }
        JsonObject event = event(exchange, identity);
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(config.uri())
                        .putHeader("content-type", "application/json").putHeader("accept", "application/json")
                        .setTimeout(timeoutMillis))
                .compose(request -> request.send(event.toBuffer()))
                .compose(response -> BoundedBody.of200(response, MAX_ANSWER_BYTES))
                .map(body -> decision(new JsonObject(body)))
                .transform(answered -> {
                    if (answered.failed()) {
                        LOG.warnf("request authorizer %s (%s) failed: %s", config.id(), config.uri(), answered.cause().getMessage());
                        return Rejection.of(GatewayError.AUTHORIZER_FAILURE);
                    }
                    if (key != null) {
                        decisions.put(key, answered.result());
                    }
                    return settle(exchange, answered.result());
                });
    }

    private AuthorizerDecisions.Decision decision(JsonObject answer) {
        Object allowed = answer.getValue("isAuthorized");
        if (!(allowed instanceof Boolean)) {
            throw new IllegalArgumentException("answer without a boolean isAuthorized");
        }
        JsonObject context = answer.getJsonObject("context", new JsonObject());
        Object principal = answer.getValue("principalId");
        return new AuthorizerDecisions.Decision((Boolean) allowed, principal == null ? null : principal.toString(),
                context.getMap(), ttlNanos);
    }

    private static Future<Rejection> settle(Exchange exchange, AuthorizerDecisions.Decision decision) {
        if (!decision.allowed()) {
            return Rejection.of(GatewayError.ACCESS_DENIED);
        }
        exchange.authorized(AuthorizerContext.request(decision.principalId(), decision.context()));
        return Policy.CONTINUE;
    }

    /** The request as the endpoint sees it: the cloud gateway's REQUEST authorizer event (2.0). */
    private JsonObject event(Exchange exchange, List<String> identity) {
        HttpServerRequest request = exchange.request();
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT),
                headers.containsKey(h.getKey().toLowerCase(java.util.Locale.ROOT))
                        ? headers.getString(h.getKey().toLowerCase(java.util.Locale.ROOT)) + "," + h.getValue() : h.getValue()));
        JsonObject query = new JsonObject();
        request.params().forEach(p -> query.put(p.getKey(), p.getValue()));
        String sourceIp = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new JsonObject()
                .put("version", "2.0").put("type", "REQUEST")
                .put("routeKey", exchange.route().method() + " " + exchange.routeTemplate())
                .put("identitySource", new JsonArray(new ArrayList<>(identity)))
                .put("rawPath", request.path()).put("rawQueryString", request.query() == null ? "" : request.query())
                .put("headers", headers).put("queryStringParameters", query)
                .put("pathParameters", new JsonObject(new java.util.HashMap<>(exchange.pathParameters())))
                .put("stageVariables", new JsonObject(new java.util.HashMap<>(exchange.stageVariables())))
                .put("requestContext", new JsonObject()
                        .put("accountId", exchange.stage().config().tenantId())
                        .put("apiId", exchange.stage().config().apiId())
                        .put("stage", exchange.stage().config().name())
                        .put("requestId", exchange.requestId())
                        .put("routeKey", exchange.route().method() + " " + exchange.routeTemplate())
                        .put("http", new JsonObject().put("method", request.method().name()).put("path", request.path())
                                .put("sourceIp", sourceIp).put("userAgent", request.getHeader("user-agent"))));
    }

    private String cacheKey(Exchange exchange, List<String> identity) {
        MessageDigest digest = sha256();
        for (String part : List.of(exchange.stage().config().tenantId(), config.id(), config.uri())) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        for (String value : identity) {
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
