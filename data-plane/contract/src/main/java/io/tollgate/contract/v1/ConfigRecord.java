package io.tollgate.contract.v1;

/**
 * One entity of the gateway configuration. {@code revision} is the control plane's publication
 * sequence number: it only grows, so the highest revision a node applied is the configuration
 * version it serves.
 */
public sealed interface ConfigRecord
        permits TenantConfig, DeploymentConfig, StageConfig, ApiKeyConfig, UsagePlanConfig, DomainConfig {

    String id();

    String tenantId();

    long revision();

    ConfigKind kind();

    default String key() {
        return kind().keyOf(id());
    }
}
