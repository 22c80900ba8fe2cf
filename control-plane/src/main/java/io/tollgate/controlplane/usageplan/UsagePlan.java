package io.tollgate.controlplane.usageplan;

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

/** A usage plan of a tenant: throttle and quota for the keys linked to it, on the API stages it lists. */
@Entity
@Table(name = "usage_plan")
public class UsagePlan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String name;

    public String description;

    /** The whole normalized spec (name and description are columns too, for listing). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String settings;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    public void apply(UsagePlanSpec spec) {
        name = spec.name();
        description = spec.description();
        settings = JsonDocs.write(spec);
    }

    public UsagePlanSpec spec() {
        return JsonDocs.read(settings, UsagePlanSpec.class);
    }

    Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        UsagePlanSpec spec = spec();
        if (spec.throttle() != null) {
            summary.put("throttle", spec.throttle().rateLimit() + "/s burst " + spec.throttle().burstLimit());
        }
        if (spec.quota() != null) {
            summary.put("quota", spec.quota().limit() + " per " + spec.quota().period());
        }
        summary.put("stages", spec.stages().stream().map(s -> s.apiId() + "/" + s.stage()).toList());
        return summary;
    }
}
