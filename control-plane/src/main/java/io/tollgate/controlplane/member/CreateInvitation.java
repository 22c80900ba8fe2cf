package io.tollgate.controlplane.member;

import io.tollgate.controlplane.access.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Invite a person by email")
public record CreateInvitation(
        @Schema(description = "Their email address; they join when they sign in with it verified")
        @NotBlank @Email @Size(max = 254) String email,
        @Schema(description = "Role they get: owner, admin, developer or viewer (not above your own)") @NotNull Role role) {
}
