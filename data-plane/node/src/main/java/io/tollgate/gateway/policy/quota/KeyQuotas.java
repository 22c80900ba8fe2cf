package io.tollgate.gateway.policy.quota;

import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.gateway.config.ApiKeyEntry;
import io.tollgate.gateway.policy.counters.LeasedQuota;
import io.tollgate.gateway.policy.counters.LimitsRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An API key's quotas, compiled once per configuration version of the key: for each API stage its
 * plans cover, the quotas of those plans (per key, counted across all of a plan's stages). Looked
 * up by API and stage name, without building a string per request.
 */
final class KeyQuotas {

    private static final LeasedQuota[] NONE = new LeasedQuota[0];

    final ApiKeyEntry compiledFrom;
    private final Map<String, Map<String, LeasedQuota[]>> byApiAndStage;

    KeyQuotas(ApiKeyEntry entry, LimitsRuntime runtime) {
        this.compiledFrom = entry;
        Map<String, Map<String, List<LeasedQuota>>> quotas = new HashMap<>();
        for (UsagePlanConfig plan : entry.plans()) {
            if (plan.quota() == null) {
                continue;
            }
            UsagePlanConfig.QuotaConfig quota = plan.quota();
            // the limit and period are in the name: a changed quota starts a count of its own
            LeasedQuota leased = runtime.quota("quota:" + plan.id() + ":" + entry.key().id() + ":" + quota.period() + ":"
                    + quota.limit() + ":", quota);
            for (UsagePlanConfig.PlanStage stage : plan.stages()) {
                quotas.computeIfAbsent(stage.apiId(), k -> new HashMap<>()).computeIfAbsent(stage.stage(), k -> new ArrayList<>())
                        .add(leased);
            }
        }
        Map<String, Map<String, LeasedQuota[]>> arrays = new HashMap<>();
        quotas.forEach((api, stages) -> {
            Map<String, LeasedQuota[]> byStage = new HashMap<>();
            stages.forEach((stage, list) -> byStage.put(stage, list.toArray(LeasedQuota[]::new)));
            arrays.put(api, Map.copyOf(byStage));
        });
        this.byApiAndStage = Map.copyOf(arrays);
    }

    LeasedQuota[] forStage(String apiId, String stage) {
        Map<String, LeasedQuota[]> byStage = byApiAndStage.get(apiId);
        LeasedQuota[] quotas = byStage == null ? null : byStage.get(stage);
        return quotas == null ? NONE : quotas;
    }
}
