package io.tollgate.controlplane.deployment;

import io.tollgate.controlplane.api.ApiSpec;
import io.tollgate.controlplane.authorizer.AuthorizerSpec;
import io.tollgate.controlplane.route.RouteSpec;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API with its authorizers and routes as they were at one moment: the content of a deployment. */
@Schema(description = "The API as it was when deployed")
public record ApiSnapshot(
        @Schema(description = "The API's definition") ApiSpec api,
        @Schema(description = "Its authorizers, with their ids") List<AuthorizerEntry> authorizers,
        @Schema(description = "Its routes, with their ids") List<RouteEntry> routes) {

    public ApiSnapshot {
        authorizers = authorizers == null ? List.of() : List.copyOf(authorizers);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    @Schema(description = "An authorizer as it was deployed")
    public record AuthorizerEntry(@Schema(description = "Authorizer id") UUID id,
                                  @Schema(description = "Its definition") AuthorizerSpec authorizer) {
    }

    @Schema(description = "A route as it was deployed")
    public record RouteEntry(@Schema(description = "Route id") UUID id,
                             @Schema(description = "Its definition") RouteSpec route) {
    }
}
