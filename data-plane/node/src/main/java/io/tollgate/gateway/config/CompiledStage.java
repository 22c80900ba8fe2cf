package io.tollgate.gateway.config;

import io.tollgate.contract.v1.StageConfig;

/** A stage and the deployment(s) it serves; {@code canary} is null without a canary release. */
public record CompiledStage(StageConfig config, CompiledDeployment deployment, CompiledDeployment canary) {
}
