package io.tollgate.gateway.config;

import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.gateway.integration.Integration;

/** A route with everything it needs at request time prepared when the configuration was applied. */
public record CompiledRoute(RouteConfig config, Integration integration) {
}
