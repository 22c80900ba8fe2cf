package io.tollgate.controlplane.stage;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tollgate.controlplane.web.JsonDocs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stage of an API: which deployment it serves, and how. */
@Entity
@Table(name = "stage")
public class Stage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "api_id", nullable = false, updatable = false)
    public UUID apiId;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(name = "deployment_id", nullable = false)
    public UUID deploymentId;

    /** The whole normalized spec (the deployment id is a column too, for the foreign key). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String settings;

    /** Bumped by a cache flush; part of the gateway's cache keys (see CacheConfig.generation). */
    @Column(name = "cache_generation", nullable = false)
    public long cacheGeneration;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    public void apply(StageSpec spec) {
        deploymentId = UUID.fromString(spec.deploymentId());
        settings = JsonDocs.write(spec);
    }

    public StageSpec spec() {
        return JsonDocs.read(settings, StageSpec.class);
    }

    Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("deploymentId", deploymentId.toString());
        StageSpec spec = spec();
        if (spec.canary() != null) {
            summary.put("canary", spec.canary().percent() + "% → " + spec.canary().deploymentId());
        }
        return summary;
    }
}
