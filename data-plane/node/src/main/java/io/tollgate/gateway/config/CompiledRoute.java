package io.tollgate.gateway.config;

import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.gateway.integration.Integration;

/**
 * A route with everything it needs at request time prepared when the configuration was applied.
 *
 * @param integrationType the integration's kind as metrics tag it ({@code HttpProxy}, {@code Mock}, …)
 */
public record CompiledRoute(RouteConfig config, Integration integration, String integrationType) {

    public CompiledRoute(RouteConfig config, Integration integration) {
        this(config, integration, config.integration().getClass().getSimpleName());
    }
}
