package io.tollgate.controlplane.stage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.tollgate.controlplane.web.Versioned;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A stage of an API")
public record StageView(
        @Schema(description = "Stage id") UUID id,
        @Schema(description = "Name, e.g. prod; unique in the API") String name,
        @Schema(description = "The deployment it serves") String deploymentId,
        @Schema(description = "Stage variables") Map<String, String> variables,
        @Schema(description = "Stage-wide throttling") StageSpec.Throttle throttle,
        @Schema(description = "Per-route throttling by \"METHOD /path\"") Map<String, StageSpec.Throttle> routeThrottles,
        @Schema(description = "Response caching") StageSpec.Cache cache,
        @Schema(description = "Whether access logging is on") Boolean accessLogging,
        @Schema(description = "Canary release") StageSpec.Canary canary,
        @Schema(description = "When it was created") Instant createdAt,
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    static StageView of(Stage stage) {
        StageSpec s = stage.spec();
        return new StageView(stage.id, stage.name, s.deploymentId(), s.variables(), s.throttle(), s.routeThrottles(), s.cache(),
                s.accessLogging(), s.canary(), stage.createdAt, stage.version);
    }
}
