package io.tollgate.controlplane.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A base path of a custom domain that leads to a stage of one of the tenant's APIs. */
@Entity
@Table(name = "base_path_mapping")
public class BasePathMapping extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "domain_id", nullable = false, updatable = false)
    public UUID domainId;

    /** Without slashes at either end; empty for the domain's root. */
    @Column(name = "base_path", nullable = false)
    public String basePath;

    @Column(name = "api_id", nullable = false)
    public UUID apiId;

    @Column(nullable = false)
    public String stage;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    void apply(DomainRules.Mapping mapping) {
        basePath = mapping.basePath();
        apiId = mapping.apiId();
        stage = mapping.stage();
    }

    Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("domainId", domainId.toString());
        summary.put("basePath", basePath);
        summary.put("apiId", apiId.toString());
        summary.put("stage", stage);
        return summary;
    }
}
