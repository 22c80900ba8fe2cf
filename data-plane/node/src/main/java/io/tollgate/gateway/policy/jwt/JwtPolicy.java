package io.tollgate.gateway.policy.jwt;

import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.AuthorizerConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.AuthorizerRoutes;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.PolicyOrder;
import io.vertx.core.Future;
import java.util.Map;

/**
 * Bearer JWTs on routes whose authorization is JWT: 401 {@code UNAUTHORIZED} for a missing,
 * malformed, badly signed, expired or foreign token; 403 {@code FORBIDDEN} for a valid token that
 * has none of the route's scopes; {@code AUTHORIZER_FAILURE} when the issuer's keys cannot be had
 * in time. The verified claims are the exchange's {@link io.tollgate.gateway.pipeline.AuthorizerContext}.
 */
public final class JwtPolicy implements Policy {

    private final Map<String, JwtAuthorizer> authorizers;

    private JwtPolicy(Map<String, JwtAuthorizer> authorizers) {
        this.authorizers = authorizers;
    }

    /** The policy for a deployment, or null when none of its routes uses a JWT authorizer. */
    public static JwtPolicy compile(DeploymentConfig deployment, JwksCache jwks, long waitMillis) {
        Map<String, JwtAuthorizer> authorizers = AuthorizerRoutes.compile(deployment, AuthorizationConfig.Type.JWT,
                AuthorizerConfig.Jwt.class, config -> new JwtAuthorizer(config, jwks, waitMillis));
        return authorizers.isEmpty() ? null : new JwtPolicy(authorizers);
    }

    @Override
    public PolicyOrder order() {
        return PolicyOrder.JWT;
    }

    @Override
    public Future<Rejection> onRequest(Exchange exchange) {
        RouteConfig route = exchange.route();
        if (route == null || route.authorization().type() != AuthorizationConfig.Type.JWT) {
            return CONTINUE;
        }
        return authorizers.get(route.authorization().authorizerId()).authorize(exchange, route.authorization().scopes());
    }
}
