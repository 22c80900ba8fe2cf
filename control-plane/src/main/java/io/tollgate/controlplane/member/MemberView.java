package io.tollgate.controlplane.member;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tollgate.controlplane.access.Role;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.tollgate.controlplane.web.Versioned;

@Schema(description = "A member of the tenant")
public record MemberView(
        @Schema(description = "Membership id") UUID id,
        @Schema(description = "The person's Keycloak subject") String subject,
        @Schema(description = "Email as of joining") String email,
        @Schema(description = "Username as of joining") String name,
        @Schema(description = "Role in this tenant") Role role,
        @Schema(description = "When they joined") Instant joinedAt,
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    static MemberView of(Member member) {
        return new MemberView(member.id, member.subject, member.email, member.displayName, member.role, member.joinedAt,
                member.version);
    }
}
