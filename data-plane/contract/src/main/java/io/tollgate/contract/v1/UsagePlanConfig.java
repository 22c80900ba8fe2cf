package io.tollgate.contract.v1;

import io.tollgate.contract.v1.StageConfig.ThrottleConfig;
import java.util.List;

/** A usage plan: throttle and quota for its keys on the API stages it lists. */
public record UsagePlanConfig(String id, String tenantId, long revision, ThrottleConfig throttle, QuotaConfig quota,
        List<PlanStage> stages) implements ConfigRecord {

    public UsagePlanConfig {
        Check.required(id, "id");
        Check.required(tenantId, "tenantId");
        stages = Check.list(stages);
    }

    @Override
    public ConfigKind kind() {
        return ConfigKind.USAGE_PLAN;
    }

    public enum QuotaPeriod { DAY, WEEK, MONTH }

    /** At most {@code limit} requests per key in each period (calendar periods in UTC). */
    public record QuotaConfig(long limit, QuotaPeriod period) {

        public QuotaConfig {
            Check.atLeast(limit, 0, "quota.limit");
            Check.present(period, "quota.period");
        }
    }

    /** An API stage the plan covers, with an optional throttle of its own for the plan's keys. */
    public record PlanStage(String apiId, String stage, ThrottleConfig throttle) {

        public PlanStage {
            Check.required(apiId, "apiId");
            Check.required(stage, "stage");
        }
    }
}
