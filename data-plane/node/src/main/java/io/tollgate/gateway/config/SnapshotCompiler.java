package io.tollgate.gateway.config;

import io.tollgate.contract.pem.Pem;
import io.tollgate.contract.v1.ApiKeyConfig;
import io.tollgate.contract.v1.ConfigRecord;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.DomainConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.Sealing;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.gateway.integration.IntegrationFactory;
import io.tollgate.gateway.policy.PolicyCompiler;
import io.tollgate.gateway.routing.RouteTable;
import io.tollgate.gateway.tls.TlsIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Compiles the current set of config records into a {@link GatewaySnapshot}. Entities that cannot
 * be compiled (conflicting routes, a stage whose deployment is unknown) are left out and reported;
 * the rest of the configuration keeps working.
 */
public final class SnapshotCompiler {

    private final IntegrationFactory integrations;
    private final PolicyCompiler policies;
    private final Sealing sealing;

    /** @param sealing opens custom domains' private keys; null when the node has no sealing key */
    public SnapshotCompiler(IntegrationFactory integrations, PolicyCompiler policies, Sealing sealing) {
        this.integrations = integrations;
        this.policies = policies;
        this.sealing = sealing;
    }

    /** @param problems receives the key of each left-out record and why */
    public GatewaySnapshot compile(Map<String, ConfigRecord> records, long version, Instant publishedAt,
            GatewaySnapshot.Source source, BiConsumer<String, String> problems) {
        integrations.beginCompile();
        try {
            return compileRecords(records, version, publishedAt, source, problems);
        } finally {
            integrations.endCompile();
        }
    }

    private GatewaySnapshot compileRecords(Map<String, ConfigRecord> records, long version, Instant publishedAt,
            GatewaySnapshot.Source source, BiConsumer<String, String> problems) {
        Map<String, TenantConfig> tenants = new HashMap<>();
        Map<String, CompiledDeployment> deployments = new HashMap<>();
        List<StageConfig> stageConfigs = new ArrayList<>();
        List<DomainConfig> domainConfigs = new ArrayList<>();
        List<ApiKeyConfig> keyConfigs = new ArrayList<>();
        Map<String, UsagePlanConfig> plans = new HashMap<>();
        for (ConfigRecord record : records.values()) {
            switch (record) {
                case TenantConfig tenant -> tenants.put(tenant.id(), tenant);
                case DeploymentConfig deployment -> {
                    try {
                        deployments.put(deployment.id(), compile(deployment));
                    } catch (IllegalArgumentException e) {
                        problems.accept(deployment.key(), e.getMessage());
                    }
                }
                case StageConfig stage -> stageConfigs.add(stage);
                case DomainConfig domain -> domainConfigs.add(domain);
                case ApiKeyConfig key -> keyConfigs.add(key);
                case UsagePlanConfig plan -> plans.put(plan.id(), plan);
            }
        }
        Map<String, Map<String, CompiledStage>> stages = new HashMap<>();
        for (StageConfig stage : stageConfigs) {
            CompiledDeployment deployment = deployments.get(stage.deploymentId());
            if (deployment == null || !deployment.config().tenantId().equals(stage.tenantId())) {
                problems.accept(stage.key(), "deployment " + stage.deploymentId() + " is unknown");
                continue;
            }
            CompiledDeployment canary = stage.canary() == null ? null : deployments.get(stage.canary().deploymentId());
            if (stage.canary() != null && canary == null) {
                problems.accept(stage.key(), "canary deployment " + stage.canary().deploymentId() + " is unknown; serving without canary");
            }
            stages.computeIfAbsent(stage.apiId(), id -> new HashMap<>())
                    .put(stage.name(), new CompiledStage(stage, deployment, canary));
        }
        Map<String, GatewaySnapshot.DomainRoutes> domains = new HashMap<>();
        Map<String, TlsIdentity> certificates = new HashMap<>();
        for (DomainConfig domain : domainConfigs) {
            List<DomainConfig.BasePathMapping> mappings = new ArrayList<>(domain.mappings());
            mappings.sort(Comparator.comparingInt((DomainConfig.BasePathMapping m) -> m.basePath().length()).reversed());
            GatewaySnapshot.DomainRoutes previous = domains.putIfAbsent(domain.hostname(),
                    new GatewaySnapshot.DomainRoutes(domain, List.copyOf(mappings)));
            if (previous != null) {
                problems.accept(domain.key(), "host " + domain.hostname() + " already belongs to " + previous.config().key());
                continue;
            }
            if (domain.certificate() != null) {
                try {
                    certificates.put(domain.hostname(), open(domain));
                } catch (IllegalArgumentException e) {
                    problems.accept(domain.key(), "certificate unusable, HTTPS unavailable for " + domain.hostname() + ": " + e.getMessage());
                }
            }
        }
        stages.replaceAll((api, byName) -> Map.copyOf(byName));
        return new GatewaySnapshot(version, publishedAt, Instant.now(), source, Map.copyOf(tenants), Map.copyOf(stages),
                Map.copyOf(domains), Map.copyOf(certificates), apiKeys(keyConfigs, plans, problems));
    }

    private static Map<String, ApiKeyEntry> apiKeys(List<ApiKeyConfig> keys, Map<String, UsagePlanConfig> plans,
            BiConsumer<String, String> problems) {
        Map<String, ApiKeyEntry> byHash = new HashMap<>();
        for (ApiKeyConfig key : keys) {
            List<UsagePlanConfig> keyPlans = new ArrayList<>();
            java.util.Set<String> stages = new java.util.HashSet<>();
            for (String planId : key.usagePlanIds()) {
                UsagePlanConfig plan = plans.get(planId);
                if (plan == null || !plan.tenantId().equals(key.tenantId())) {
                    problems.accept(key.key(), "usage plan " + planId + " is unknown; the key works without it");
                    continue;
                }
                keyPlans.add(plan);
                plan.stages().forEach(s -> stages.add(ApiKeyEntry.stageKey(s.apiId(), s.stage())));
            }
            if (byHash.putIfAbsent(key.sha256(), new ApiKeyEntry(key, List.copyOf(keyPlans), java.util.Set.copyOf(stages))) != null) {
                problems.accept(key.key(), "another key has the same value; this one is ignored");
            }
        }
        return Map.copyOf(byHash);
    }

    private TlsIdentity open(DomainConfig domain) {
        if (sealing == null) {
            throw new IllegalArgumentException("the node has no sealing key (tollgate.config.seal-key)");
        }
        byte[] key = sealing.open(domain.certificate().sealedPrivateKey(), domain.key());
        return new TlsIdentity(Pem.privateKey(new String(key, java.nio.charset.StandardCharsets.US_ASCII)),
                Pem.certificates(domain.certificate().chainPem()));
    }

    private CompiledDeployment compile(DeploymentConfig deployment) {
        RouteTable<CompiledRoute> table = new RouteTable<>();
        for (RouteConfig route : deployment.routes()) {
            table.add(route.method(), route.path(), new CompiledRoute(route, integrations.create(route.integration())));
        }
        return new CompiledDeployment(deployment, table, policies.compile(deployment));
    }
}
