package io.tollgate.controlplane.deployment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new deployment of the API as it is now")
public record CreateDeployment(
        @Schema(description = "What changed, up to 1024 characters") String description,
        @Schema(description = "Optional: point this stage at the new deployment, creating it if missing") String stageName) {
}
