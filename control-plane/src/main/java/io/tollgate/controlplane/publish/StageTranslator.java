package io.tollgate.controlplane.publish;

import io.tollgate.contract.v1.StageConfig;
import io.tollgate.controlplane.stage.Stage;
import io.tollgate.controlplane.stage.StageSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stage as the data plane's {@link StageConfig}; field names match one to one. */
public final class StageTranslator {

    private StageTranslator() {
    }

    public static StageConfig translate(Stage stage, long revision) {
        StageSpec s = stage.spec();
        Map<String, StageConfig.ThrottleConfig> routeThrottles = new LinkedHashMap<>();
        s.routeThrottles().forEach((route, throttle) -> routeThrottles.put(route, throttle(throttle)));
        StageSpec.Cache cache = s.cache();
        StageSpec.Canary canary = s.canary();
        return new StageConfig(stage.id.toString(), stage.tenantId.toString(), revision, stage.apiId.toString(), stage.name,
                s.deploymentId(), s.variables(), throttle(s.throttle()), routeThrottles,
                cache == null ? null : new StageConfig.CacheConfig(Boolean.TRUE.equals(cache.enabled()),
                        cache.ttlSeconds() == null ? StageConfig.CacheConfig.DEFAULT_TTL_SECONDS : cache.ttlSeconds(),
                        cache.keyParameters(), null, null, null, null,
                        stage.cacheGeneration == 0 ? null : stage.cacheGeneration), // 0: left out, as before flushes existed
                Boolean.TRUE.equals(s.accessLogging()),
                canary == null ? null : new StageConfig.CanaryConfig(canary.percent(), canary.deploymentId(), canary.variables()));
    }

    private static StageConfig.ThrottleConfig throttle(StageSpec.Throttle t) {
        return t == null ? null : new StageConfig.ThrottleConfig(t.rateLimit(), t.burstLimit());
    }
}
