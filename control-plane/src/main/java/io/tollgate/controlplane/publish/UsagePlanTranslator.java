package io.tollgate.controlplane.publish;

import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.controlplane.usageplan.UsagePlan;
import io.tollgate.controlplane.usageplan.UsagePlanSpec;

/** A usage plan as the data plane's {@link UsagePlanConfig}; its name and description stay in the control plane. */
public final class UsagePlanTranslator {

    private UsagePlanTranslator() {
    }

    public static UsagePlanConfig translate(UsagePlan plan, long revision) {
        UsagePlanSpec s = plan.spec();
        UsagePlanSpec.Quota quota = s.quota();
        return new UsagePlanConfig(plan.id.toString(), plan.tenantId.toString(), revision, throttle(s.throttle()),
                quota == null ? null : new UsagePlanConfig.QuotaConfig(quota.limit(),
                        UsagePlanConfig.QuotaPeriod.valueOf(quota.period())),
                s.stages().stream()
                        .map(stage -> new UsagePlanConfig.PlanStage(stage.apiId(), stage.stage(), throttle(stage.throttle())))
                        .toList());
    }

    private static StageConfig.ThrottleConfig throttle(UsagePlanSpec.Throttle t) {
        return t == null ? null : new StageConfig.ThrottleConfig(t.rateLimit(), t.burstLimit());
    }
}
