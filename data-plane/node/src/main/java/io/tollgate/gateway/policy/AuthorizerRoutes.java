package io.tollgate.gateway.policy;

import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.AuthorizerConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.RouteConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Compiles the authorizers of one kind that a deployment's routes use, each once. */
public final class AuthorizerRoutes {

    private AuthorizerRoutes() {
    }

    /** By authorizer id; empty when no route authorizes with {@code type}. */
    public static <C extends AuthorizerConfig, A> Map<String, A> compile(DeploymentConfig deployment, AuthorizationConfig.Type type,
            Class<C> kind, Function<C, A> compiler) {
        Map<String, A> compiled = new HashMap<>();
        for (RouteConfig route : deployment.routes()) {
            if (route.authorization().type() != type) {
                continue;
            }
            String id = route.authorization().authorizerId();
            AuthorizerConfig config = deployment.authorizers().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
            if (!kind.isInstance(config)) {
                throw new IllegalArgumentException("route " + route.id() + " needs a " + type + " authorizer; " + id + " is not one");
            }
            compiled.computeIfAbsent(id, key -> compiler.apply(kind.cast(config)));
        }
        return Map.copyOf(compiled);
    }
}
