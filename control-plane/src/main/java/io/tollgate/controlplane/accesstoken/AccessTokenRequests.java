package io.tollgate.controlplane.accesstoken;

import io.tollgate.controlplane.access.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the access token operations. */
public final class AccessTokenRequests {

    private AccessTokenRequests() {
    }

    @Schema(description = "A new tenant access token")
    public record CreateAccessToken(
            @Schema(description = "What it is for, e.g. \"GitHub deploy\"; 1–100 characters") @NotBlank @Size(max = 100) String name,
            @Schema(description = "admin, developer or viewer; not above your own role") @NotNull Role role,
            @Schema(description = "When it stops working; in the future, at most 366 days away") @NotNull Instant expiresAt) {
    }
}
