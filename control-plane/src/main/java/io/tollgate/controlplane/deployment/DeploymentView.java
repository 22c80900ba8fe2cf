package io.tollgate.controlplane.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An immutable, numbered snapshot of an API")
public record DeploymentView(
        @Schema(description = "Deployment id; stages point at it") UUID id,
        @Schema(description = "The API") UUID apiId,
        @Schema(description = "1, 2, 3… per API") int number,
        @Schema(description = "What changed, as the deployer wrote it") String description,
        @Schema(description = "Who deployed") String createdBy,
        @Schema(description = "When") Instant createdAt,
        @Schema(description = "The API as deployed") ApiSnapshot snapshot,
        @Schema(description = "The stage pointed at it in the same request, when stageName was given") String stageName) {

    static DeploymentView of(Deployment deployment, String stageName) {
        return new DeploymentView(deployment.id, deployment.apiId, deployment.number, deployment.description,
                deployment.createdBy, deployment.createdAt, deployment.content(), stageName);
    }
}
