package io.tollgate.gateway.config;

import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.gateway.routing.RouteTable;

public record CompiledDeployment(DeploymentConfig config, RouteTable<CompiledRoute> routes) {
}
