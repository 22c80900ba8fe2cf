package io.tollgate.controlplane.route;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.tollgate.controlplane.web.Versioned;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A route of an API")
public record RouteView(
        @Schema(description = "Route id") UUID id,
        @Schema(description = "Method, or ANY") String method,
        @Schema(description = "Path template") String path,
        @Schema(description = "Authorization") RouteSpec.Authorization authorization,
        @Schema(description = "Integration") RouteSpec.Integration integration,
        @Schema(description = "Request validation, when configured") RouteSpec.Validation validation,
        @Schema(description = "When it was created") Instant createdAt,
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    static RouteView of(Route route) {
        RouteSpec spec = route.spec();
        return new RouteView(route.id, spec.method(), spec.path(), spec.authorization(), spec.integration(), spec.validation(),
                route.createdAt, route.version);
    }
}
