package io.tollgate.controlplane.authorizer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tollgate.controlplane.web.JsonDocs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An authorizer of an API; routes refer to it by id. */
@Entity
@Table(name = "authorizer")
public class Authorizer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "api_id", nullable = false, updatable = false)
    public UUID apiId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    /** The whole spec; name and type are columns too, for uniqueness and for routes' type checks. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String settings;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    public void apply(AuthorizerSpec spec) {
        name = spec.name();
        type = spec.type();
        settings = JsonDocs.write(spec);
    }

    public AuthorizerSpec spec() {
        return JsonDocs.read(settings, AuthorizerSpec.class);
    }

    Map<String, Object> auditSummary() {
        return Map.of("name", name, "type", type);
    }
}
