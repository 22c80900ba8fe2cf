package io.tollgate.controlplane.member;

import io.tollgate.controlplane.access.Role;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A pending invitation")
public record InvitationView(
        @Schema(description = "Invitation id") UUID id,
        @Schema(description = "Invited email address (lower-cased)") String email,
        @Schema(description = "Role granted on acceptance") Role role,
        @Schema(description = "Keycloak subject or access token id of who invited") String invitedBy,
        @Schema(description = "When it was sent") Instant createdAt,
        @Schema(description = "After this it is no longer accepted") Instant expiresAt) {

    static InvitationView of(Invitation invitation) {
        return new InvitationView(invitation.id, invitation.email, invitation.role, invitation.invitedBy,
                invitation.createdAt, invitation.expiresAt);
    }
}
