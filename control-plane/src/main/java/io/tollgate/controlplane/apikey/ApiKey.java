package io.tollgate.controlplane.apikey;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tollgate.controlplane.web.JsonDocs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An API key of a tenant. The value itself is never stored, only its SHA-256 and a visible prefix. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String name;

    @Column(name = "visible_prefix", nullable = false, updatable = false)
    public String visiblePrefix;

    @Column(nullable = false, updatable = false)
    public String sha256;

    /** Whether the value was brought by the tenant rather than generated here. */
    @Column(nullable = false, updatable = false)
    public boolean imported;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /**
     * The usage plan ids as {@code {"ids": [...]}}: Hibernate Reactive reads json columns as objects, so
     * the array is wrapped.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "usage_plan_ids", nullable = false)
    public String usagePlanIds;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    public void apply(ApiKeyRules.Settings settings) {
        name = settings.name();
        enabled = settings.enabled();
        expiresAt = settings.expiresAt();
        usagePlanIds = JsonDocs.write(new PlanLinks(settings.usagePlanIds()));
    }

    public List<String> planIds() {
        return JsonDocs.read(usagePlanIds, PlanLinks.class).ids();
    }

    /** The stored document of {@link #usagePlanIds}. */
    record PlanLinks(List<String> ids) {
    }

    ApiKeyRules.Settings settings() {
        return new ApiKeyRules.Settings(name, enabled, expiresAt, planIds());
    }

    Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("prefix", visiblePrefix);
        summary.put("enabled", enabled);
        if (expiresAt != null) {
            summary.put("expiresAt", expiresAt.toString());
        }
        summary.put("usagePlanIds", planIds());
        return summary;
    }
}
