package io.tollgate.controlplane.planlimit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A hard limit of the tenant's price plan, used up in a billing period: the gateway answers the "
        + "tenant's traffic with 429 TENANT_LIMIT_EXCEEDED until the period ends or the plan changes")
public record PlanLimitView(
        @Schema(description = "The price plan whose limit was reached, e.g. FREE") String plan,
        @Schema(description = "Which limit, e.g. MONTHLY_REQUESTS") String limit,
        @Schema(description = "The limit's value (requests per period for MONTHLY_REQUESTS)") long allowance,
        @Schema(description = "The billing period, a UTC month (YYYY-MM)") String period,
        @Schema(description = "When the limit was found reached") Instant since,
        @Schema(description = "When the period ends") Instant resetsAt) {

    public static PlanLimitView of(TenantPlanLimit limit) {
        return limit == null ? null : new PlanLimitView(limit.plan, limit.limitKind, limit.allowance, limit.period, limit.since,
                limit.resetsAt);
    }
}
