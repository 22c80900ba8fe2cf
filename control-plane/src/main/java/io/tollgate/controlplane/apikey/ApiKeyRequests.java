package io.tollgate.controlplane.apikey;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the API key operations. */
public final class ApiKeyRequests {

    private ApiKeyRequests() {
    }

    @Schema(description = "A new API key: generated, or imported when value is given")
    public record CreateApiKey(
            @Schema(description = "What it is for, e.g. \"Partner X\"; 1–128 characters") String name,
            @Schema(description = "Whether the gateway accepts it (default true)") Boolean enabled,
            @Schema(description = "When it stops working; absent means never; must be in the future") Instant expiresAt,
            @Schema(description = "Ids of usage plans of this tenant; they decide where and how much the key may call")
            List<String> usagePlanIds,
            @Schema(description = "An existing key value to import (20–256 printable ASCII characters, no spaces); "
                    + "absent to have a 256-bit value generated") String value) {
    }

    @Schema(description = "Changes to an API key. With PATCH absent fields keep their value; with PUT absent "
            + "fields get their defaults (enabled true, no expiry, no plans) and name is required")
    public record UpdateApiKey(
            @Schema(description = "What it is for; 1–128 characters") String name,
            @Schema(description = "Whether the gateway accepts it") Boolean enabled,
            @Schema(description = "When it stops working; must be in the future when changed") Instant expiresAt,
            @Schema(description = "Ids of usage plans of this tenant") List<String> usagePlanIds) {
    }
}
