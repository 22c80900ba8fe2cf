package io.tollgate.controlplane.accesstoken;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tollgate.controlplane.access.Role;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A tenant access token; its value appears only in the response that created it")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessTokenView(
        @Schema(description = "Token id") UUID id,
        @Schema(description = "What it is for") String name,
        @Schema(description = "Role it acts with in this tenant") Role role,
        @Schema(description = "First characters of the value, to recognise it") String prefix,
        @Schema(description = "Who created it") String createdBy,
        @Schema(description = "When it was created") Instant createdAt,
        @Schema(description = "When it stops working") Instant expiresAt,
        @Schema(description = "When it was revoked, if it was") Instant revokedAt,
        @Schema(description = "The secret value: present only on creation, store it now") String token) {

    static AccessTokenView of(AccessToken token) {
        return of(token, null);
    }

    static AccessTokenView of(AccessToken token, String value) {
        return new AccessTokenView(token.id, token.name, token.role, token.visiblePrefix, token.createdBy, token.createdAt,
                token.expiresAt, token.revokedAt, value);
    }
}
