package io.tollgate.controlplane.usageplan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.tollgate.controlplane.web.Versioned;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A usage plan")
public record UsagePlanView(
        @Schema(description = "Usage plan id") UUID id,
        @Schema(description = "Name") String name,
        @Schema(description = "What the plan is for") String description,
        @Schema(description = "Throttling per key") UsagePlanSpec.Throttle throttle,
        @Schema(description = "Request quota per key") UsagePlanSpec.Quota quota,
        @Schema(description = "The API stages keys of this plan may call") List<UsagePlanSpec.PlanStage> stages,
        @Schema(description = "When it was created") Instant createdAt,
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    static UsagePlanView of(UsagePlan plan) {
        UsagePlanSpec s = plan.spec();
        return new UsagePlanView(plan.id, plan.name, plan.description, s.throttle(), s.quota(), s.stages(), plan.createdAt,
                plan.version);
    }
}
