package io.tollgate.gateway.policy.request;

import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.AuthorizerConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.AuthorizerRoutes;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.PolicyOrder;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import java.util.Map;

/**
 * The tenant's own authorizer endpoint on routes whose authorization is REQUEST: 401
 * {@code UNAUTHORIZED} when an identity source is missing (the endpoint is not asked), 403
 * {@code ACCESS_DENIED} when it says no, {@code AUTHORIZER_FAILURE} when it cannot be reached in
 * time or answers nonsense. Its context becomes the exchange's {@link io.tollgate.gateway.pipeline.AuthorizerContext}.
 */
public final class RequestAuthorizerPolicy implements Policy {

    private final Map<String, RequestAuthorizer> authorizers;

    private RequestAuthorizerPolicy(Map<String, RequestAuthorizer> authorizers) {
        this.authorizers = authorizers;
    }

    /** The policy for a deployment, or null when none of its routes uses a request authorizer. */
    public static RequestAuthorizerPolicy compile(DeploymentConfig deployment, HttpClient client, AuthorizerDecisions decisions,
            long timeoutMillis) {
        Map<String, RequestAuthorizer> authorizers = AuthorizerRoutes.compile(deployment, AuthorizationConfig.Type.REQUEST,
                AuthorizerConfig.Request.class, config -> new RequestAuthorizer(config, client, decisions, timeoutMillis));
        return authorizers.isEmpty() ? null : new RequestAuthorizerPolicy(authorizers);
    }

    @Override
    public PolicyOrder order() {
        return PolicyOrder.REQUEST_AUTHORIZER;
    }

    @Override
    public Future<Rejection> onRequest(Exchange exchange) {
        RouteConfig route = exchange.route();
        if (route == null || route.authorization().type() != AuthorizationConfig.Type.REQUEST) {
            return CONTINUE;
        }
        return authorizers.get(route.authorization().authorizerId()).authorize(exchange);
    }
}
