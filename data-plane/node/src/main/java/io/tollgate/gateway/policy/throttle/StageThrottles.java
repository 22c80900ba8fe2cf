package io.tollgate.gateway.policy.throttle;

import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.StageConfig.ThrottleConfig;
import io.tollgate.gateway.config.ApiKeyEntry;
import io.tollgate.gateway.config.CompiledDeployment;
import io.tollgate.gateway.config.CompiledStage;
import io.tollgate.gateway.policy.counters.LeasedBucket;
import io.tollgate.gateway.policy.counters.LimitsRuntime;
import io.tollgate.gateway.policy.counters.TokenBucketSpec;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A stage's token buckets, compiled once per configuration version of the stage: the stage's own
 * bucket (all its traffic) and one per route that has an override ({@code "METHOD /path"} in
 * {@link StageConfig#routeThrottles()}), looked up by the route's identity on the request path.
 */
final class StageThrottles {

    final CompiledStage compiledFrom;
    final String stageKey;
    final LeasedBucket stage;
    private final Map<RouteConfig, LeasedBucket> routes;

    StageThrottles(CompiledStage compiled, LimitsRuntime runtime) {
        this.compiledFrom = compiled;
        StageConfig config = compiled.config();
        this.stageKey = ApiKeyEntry.stageKey(config.apiId(), config.name());
        this.stage = config.throttle() == null ? null
                : runtime.bucket("throttle:stage:" + config.id() + ":" + spec(config.throttle()), TokenBucketSpec.of(config.throttle()));
        Map<RouteConfig, LeasedBucket> byRoute = new IdentityHashMap<>();
        addRoutes(compiled.deployment(), config, runtime, byRoute);
        addRoutes(compiled.canary(), config, runtime, byRoute);
        this.routes = byRoute;
    }

    private static void addRoutes(CompiledDeployment deployment, StageConfig config, LimitsRuntime runtime,
            Map<RouteConfig, LeasedBucket> byRoute) {
        if (deployment == null || config.routeThrottles().isEmpty()) {
            return;
        }
        for (RouteConfig route : deployment.config().routes()) {
            String name = route.method() + " " + route.path();
            ThrottleConfig throttle = config.routeThrottles().get(name);
            if (throttle != null) {
                // one bucket per stage and route name, shared by the deployment and its canary
                byRoute.put(route, runtime.bucket("throttle:route:" + config.id() + ":" + name + ":" + spec(throttle),
                        TokenBucketSpec.of(throttle)));
            }
        }
    }

    static String spec(ThrottleConfig throttle) {
        return throttle.rateLimit() + "/" + throttle.burstLimit();
    }

    /** The route's own bucket, null when the route has no override. */
    LeasedBucket route(RouteConfig route) {
        return route == null || routes.isEmpty() ? null : routes.get(route);
    }

    boolean empty() {
        return stage == null && routes.isEmpty();
    }
}
