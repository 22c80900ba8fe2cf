package io.tollgate.controlplane.stage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stage as the tenant writes it; field names mirror the data plane's {@code StageConfig}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A stage: the deployment it serves, stage variables, throttling, caching, access logging and canary")
public record StageSpec(
        @Schema(description = "Id of a deployment of this API") String deploymentId,
        @Schema(description = "Stage variables, usable as ${stageVariables.name} in integrations") Map<String, String> variables,
        @Schema(description = "Stage-wide throttling; absent means no stage limit") Throttle throttle,
        @Schema(description = "Per-route throttling, keyed \"METHOD /path\" as in the deployment's routes")
        Map<String, Throttle> routeThrottles,
        @Schema(description = "Response caching; absent means off") Cache cache,
        @Schema(description = "Whether access logging is on (default false)") Boolean accessLogging,
        @Schema(description = "Optional canary: a share of requests served by another deployment") Canary canary) {

    public static StageSpec pointingAt(String deploymentId) {
        return new StageSpec(deploymentId, Map.of(), null, Map.of(), null, false, null);
    }

    public StageSpec withDeployment(String otherDeploymentId) {
        return new StageSpec(otherDeploymentId, variables, throttle, routeThrottles, cache, accessLogging, canary);
    }

    @Schema(description = "Token-bucket throttling")
    public record Throttle(
            @Schema(description = "Steady requests per second, 0–1000000") Double rateLimit,
            @Schema(description = "Requests the bucket holds for bursts, 0–1000000") Integer burstLimit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Response caching of the stage")
    public record Cache(
            @Schema(description = "Whether responses are cached") Boolean enabled,
            @Schema(description = "Seconds a response is cached, 0–3600 (default 300)") Integer ttlSeconds,
            @Schema(description = "Request parameters that are part of the cache key") List<String> keyParameters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A canary release")
    public record Canary(
            @Schema(description = "Share of requests, 0–100") Double percent,
            @Schema(description = "Id of the deployment of this API the canary serves") String deploymentId,
            @Schema(description = "Stage variables that override the stage's for canary requests") Map<String, String> variables) {
    }
}
