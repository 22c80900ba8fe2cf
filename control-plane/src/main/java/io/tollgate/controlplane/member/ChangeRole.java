package io.tollgate.controlplane.member;

import io.tollgate.controlplane.access.Role;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's new role")
public record ChangeRole(@Schema(description = "owner, admin, developer or viewer") @NotNull Role role) {
}
