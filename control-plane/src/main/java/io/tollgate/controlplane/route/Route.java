package io.tollgate.controlplane.route;

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

/** A route of an API. Authorization, integration and validation are stored whole, as the tenant wrote them. */
@Entity
@Table(name = "route")
public class Route extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "api_id", nullable = false, updatable = false)
    public UUID apiId;

    @Column(nullable = false)
    public String method;

    @Column(nullable = false)
    public String path;

    @Column(name = "path_shape", nullable = false)
    public String pathShape;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "authorization_settings", nullable = false)
    public String authorization;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String integration;

    @JdbcTypeCode(SqlTypes.JSON)
    public String validation;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    public void apply(RouteSpec spec) {
        method = spec.method();
        path = spec.path();
        pathShape = RoutePaths.shape(spec.path());
        authorization = JsonDocs.write(spec.authorization());
        integration = JsonDocs.write(spec.integration());
        validation = JsonDocs.write(spec.validation());
    }

    public RouteSpec spec() {
        return new RouteSpec(method, path, JsonDocs.read(authorization, RouteSpec.Authorization.class),
                JsonDocs.read(integration, RouteSpec.Integration.class), JsonDocs.read(validation, RouteSpec.Validation.class));
    }

    public RoutePaths.Existing existing() {
        return new RoutePaths.Existing(id.toString(), method, path);
    }

    Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("route", method + " " + path);
        summary.put("integration", spec().integration().type());
        summary.put("authorization", spec().authorization().type());
        return summary;
    }
}
