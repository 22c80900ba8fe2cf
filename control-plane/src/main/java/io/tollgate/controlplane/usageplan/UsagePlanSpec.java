package io.tollgate.controlplane.usageplan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A usage plan as the tenant writes it; field names mirror the data plane's {@code UsagePlanConfig}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A usage plan: throttling and quota for the API keys linked to it, on the API stages it lists")
public record UsagePlanSpec(
        @Schema(description = "Name, 1–128 characters") String name,
        @Schema(description = "What the plan is for, at most 1024 characters") String description,
        @Schema(description = "Throttling per key; absent means no plan-wide limit") Throttle throttle,
        @Schema(description = "Request quota per key; absent means no quota") Quota quota,
        @Schema(description = "The API stages keys of this plan may call") List<PlanStage> stages) {

    @Schema(description = "Token-bucket throttling")
    public record Throttle(
            @Schema(description = "Steady requests per second, 0–1000000") Double rateLimit,
            @Schema(description = "Requests the bucket holds for bursts, 0–1000000") Integer burstLimit) {
    }

    @Schema(description = "At most limit requests per key in each calendar period (UTC)")
    public record Quota(
            @Schema(description = "Requests per period, 0–1000000000000") Long limit,
            @Schema(description = "DAY, WEEK or MONTH") String period) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An API stage the plan covers")
    public record PlanStage(
            @Schema(description = "Id of an API of this tenant") String apiId,
            @Schema(description = "Stage name, e.g. prod") String stage,
            @Schema(description = "Throttling of this stage for the plan's keys; overrides the plan's") Throttle throttle) {
    }
}
