package io.tollgate.gateway.config;

import io.tollgate.contract.v1.DomainConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.tls.TlsIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One consistent version of the whole gateway configuration, compiled into lookup indexes. Never
 * changed after construction: a new configuration is a new snapshot, swapped in atomically, and
 * a request reads the snapshot reference once and uses it throughout.
 *
 * @param version     the highest control-plane revision applied
 * @param publishedAt when the control plane published the newest record applied (for the age)
 * @param stages      API id → stage name → stage
 * @param domains      host name → base path mappings, longest base path first
 * @param certificates host name → the custom domain's TLS certificate and key (opened once here)
 * @param apiKeys      SHA-256 (hex) of a key value → the key, its plans and the stages they cover
 */
public record GatewaySnapshot(
        long version,
        Instant publishedAt,
        Instant appliedAt,
        Source source,
        Map<String, TenantConfig> tenants,
        Map<String, Map<String, CompiledStage>> stages,
        Map<String, DomainRoutes> domains,
        Map<String, TlsIdentity> certificates,
        Map<String, ApiKeyEntry> apiKeys) {

    public enum Source { DISK, KAFKA }

    /** A verified custom domain of a tenant and its mappings. */
    public record DomainRoutes(DomainConfig config, List<DomainConfig.BasePathMapping> mappingsLongestFirst) {
    }

    public CompiledStage stage(String apiId, String stageName) {
        Map<String, CompiledStage> byName = stages.get(apiId);
        return byName == null ? null : byName.get(stageName);
    }

    public boolean suspended(String tenantId) {
        TenantConfig tenant = tenants.get(tenantId);
        return tenant != null && tenant.status() == TenantConfig.Status.SUSPENDED;
    }

    /** The hard limit of its price plan the tenant has used up, or null when its traffic may flow. */
    public TenantConfig.PlanLimit planLimit(String tenantId) {
        TenantConfig tenant = tenants.get(tenantId);
        return tenant == null ? null : tenant.planLimit();
    }
}
