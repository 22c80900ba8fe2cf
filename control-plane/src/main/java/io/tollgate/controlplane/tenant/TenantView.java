package io.tollgate.controlplane.tenant;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    static TenantView of(Tenant tenant, Role role) {
        return new TenantView(tenant.id, tenant.name, role, tenant.createdAt, tenant.version);
    }
}
