package io.tollgate.controlplane.tenant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.tollgate.controlplane.planlimit.PlanLimitView;
import io.tollgate.controlplane.planlimit.TenantPlanLimit;
import io.tollgate.controlplane.access.Role;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.tollgate.controlplane.web.Versioned;

@Schema(description = "An organization (tenant) and the caller's role in it")
public record TenantView(
        @Schema(description = "Tenant id, used in every /v1/tenants/{tenantId} path") UUID id,
        @Schema(description = "Display name of the organization") String name,
        @Schema(description = "The caller's role in this tenant") Role role,
        @Schema(description = "When the organization was created") Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Present (on reading one organization) while a hard limit of its price plan is used up: "
                + "its APIs answer 429 TENANT_LIMIT_EXCEEDED until the period ends or the plan changes") PlanLimitView planLimit,
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    static TenantView of(Tenant tenant, Role role) {
        return of(tenant, role, null);
    }

    static TenantView of(Tenant tenant, Role role, TenantPlanLimit planLimit) {
        return new TenantView(tenant.id, tenant.name, role, tenant.createdAt, PlanLimitView.of(planLimit), tenant.version);
    }
}
