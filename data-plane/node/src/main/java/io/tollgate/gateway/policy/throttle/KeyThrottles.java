package io.tollgate.gateway.policy.throttle;

import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.gateway.config.ApiKeyEntry;
import io.tollgate.gateway.policy.counters.LeasedBucket;
import io.tollgate.gateway.policy.counters.LimitsRuntime;
import io.tollgate.gateway.policy.counters.TokenBucketSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An API key's token buckets, compiled once per configuration version of the key: for each API
 * stage its plans cover, the plan's throttle (per key, across all the plan's stages, as the cloud
 * gateway applies usage plans) and the plan's throttle for that stage (per key, that stage only).
 */
final class KeyThrottles {

    private static final LeasedBucket[] NONE = new LeasedBucket[0];

    final ApiKeyEntry compiledFrom;
    private final Map<String, LeasedBucket[]> byStage;

    KeyThrottles(ApiKeyEntry entry, LimitsRuntime runtime) {
        this.compiledFrom = entry;
        String keyId = entry.key().id();
        Map<String, List<LeasedBucket>> buckets = new HashMap<>();
        for (UsagePlanConfig plan : entry.plans()) {
            LeasedBucket planBucket = plan.throttle() == null ? null : runtime.bucket(
                    "throttle:plan:" + plan.id() + ":" + keyId + ":" + StageThrottles.spec(plan.throttle()), TokenBucketSpec.of(plan.throttle()));
            for (UsagePlanConfig.PlanStage stage : plan.stages()) {
                String stageKey = ApiKeyEntry.stageKey(stage.apiId(), stage.stage());
                List<LeasedBucket> list = buckets.computeIfAbsent(stageKey, k -> new ArrayList<>());
                if (stage.throttle() != null) {
                    list.add(runtime.bucket("throttle:plan-stage:" + plan.id() + ":" + stageKey + ":" + keyId + ":"
                            + StageThrottles.spec(stage.throttle()), TokenBucketSpec.of(stage.throttle())));
                }
                if (planBucket != null) {
                    list.add(planBucket);
                }
            }
        }
        Map<String, LeasedBucket[]> arrays = new HashMap<>();
        buckets.forEach((stage, list) -> {
            if (!list.isEmpty()) {
                arrays.put(stage, list.toArray(LeasedBucket[]::new));
            }
        });
        this.byStage = Map.copyOf(arrays);
    }

    LeasedBucket[] forStage(String stageKey) {
        LeasedBucket[] buckets = byStage.get(stageKey);
        return buckets == null ? NONE : buckets;
    }
}
