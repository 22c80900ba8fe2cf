package io.tollgate.gateway.config;

import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.gateway.policy.PolicyChain;
import io.tollgate.gateway.routing.RouteTable;

/** A deployment with its route tree and its policy chain, both built when the configuration was applied. */
public record CompiledDeployment(DeploymentConfig config, RouteTable<CompiledRoute> routes, PolicyChain policies) {
}
