package io.tollgate.analytics.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A tenant's price plan for the running month, its use of the plan's allowance, and the plan's history")
public record TenantPlan(
        @Schema(description = "The plan of the running month, e.g. FREE or PAYG") String plan,
        @Schema(description = "The running month (UTC), YYYY-MM") String period,
        @Schema(description = "Requests counted in the running month") long requests,
        @Schema(description = "Requests the plan includes per month") long includedRequests,
        @Schema(description = "Whether the plan refuses requests beyond the included ones (instead of billing them)") boolean hardLimit,
        @Schema(description = "Whether the hard limit is reached: the gateway answers the tenant's APIs with 429 "
                + "TENANT_LIMIT_EXCEEDED until the month ends or the plan changes") boolean limitReached,
        @Schema(description = "A plan that takes over from the first day of a later month, or null") Scheduled scheduled,
        @Schema(description = "The tenant's plan changes, newest first (up to 20)") List<Change> changes) {

    @Schema(description = "A plan change that takes effect later")
    public record Scheduled(String plan, LocalDate effectiveFrom) {
    }

    @Schema(description = "One change of the tenant's plan")
    public record Change(Instant changedAt, @Schema(description = "Who changed it (email or user name)") String changedBy,
            String from, String to, @Schema(description = "First day of the month it applies from") LocalDate effectiveFrom) {
    }
}
