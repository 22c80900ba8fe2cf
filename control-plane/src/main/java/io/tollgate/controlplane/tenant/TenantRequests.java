package io.tollgate.controlplane.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the tenant operations. */
public final class TenantRequests {

    private TenantRequests() {
    }

    @Schema(description = "A new organization")
    public record CreateTenant(
            @Schema(description = "Display name, 1–100 characters") @NotBlank @Size(max = 100) String name) {
    }

    @Schema(description = "Changes to an organization")
    public record UpdateTenant(
            @Schema(description = "New display name, 1–100 characters") @NotBlank @Size(max = 100) String name) {
    }
}
