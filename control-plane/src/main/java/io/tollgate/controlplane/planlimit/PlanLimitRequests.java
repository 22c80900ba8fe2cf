package io.tollgate.controlplane.planlimit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the internal plan-limit operations. */
public final class PlanLimitRequests {

    /** YYYY-MM with a real month. */
    static final String PERIOD = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    private PlanLimitRequests() {
    }

    @Schema(description = "Analytics' report that a tenant used up a hard limit of its price plan in a billing period")
    public record LimitReached(
            @Schema(description = "The tenant's price plan, e.g. FREE") @NotBlank @Size(max = 32) String plan,
            @Schema(description = "Which limit, e.g. MONTHLY_REQUESTS") @NotBlank @Size(max = 32) @Pattern(regexp = "^[A-Z_]+$")
            String limit,
            @Schema(description = "The limit's value") @NotNull @PositiveOrZero Long allowance,
            @Schema(description = "The billing period, a UTC month (YYYY-MM)") @NotNull @Pattern(regexp = PERIOD) String period,
            @Schema(description = "When the limit was found reached; default now") Instant since) {

        /** The first moment of the next period: when the limit resets. */
        Instant resetsAt() {
            return YearMonth.parse(period).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    /** Why a restriction is lifted (in the audit log). */
    public enum LiftReason { NEW_PERIOD, PLAN_CHANGED }
}
