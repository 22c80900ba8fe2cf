package io.tollgate.controlplane.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tollgate.controlplane.web.JsonDocs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An API of a tenant; its routes and authorizers refer to it. */
@Entity
@Table(name = "api")
public class Api extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public String kind;

    @Column(name = "api_key_source", nullable = false)
    public String apiKeySource;

    @JdbcTypeCode(SqlTypes.JSON)
    public String cors;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "gateway_responses", nullable = false)
    public String gatewayResponses;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String models;

    /** A JSON array as text (see the V6 migration). */
    @Column(name = "binary_media_types", nullable = false)
    public String binaryMediaTypes;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Bumped on every update; the ETag of the API. */
    @Version
    public long version;

    public void apply(ApiSpec spec) {
        name = spec.name();
        description = spec.description();
        kind = spec.kind();
        apiKeySource = spec.apiKeySource();
        cors = JsonDocs.write(spec.cors());
        gatewayResponses = JsonDocs.write(spec.gatewayResponses());
        models = JsonDocs.write(spec.models());
        binaryMediaTypes = JsonDocs.write(spec.binaryMediaTypes());
    }

    public ApiSpec spec() {
        return new ApiSpec(name, description, kind, apiKeySource, JsonDocs.read(cors, ApiSpec.Cors.class),
                read(gatewayResponses, new TypeReference<Map<String, ApiSpec.GatewayResponse>>() { }),
                read(models, new TypeReference<Map<String, JsonNode>>() { }),
                binaryMediaTypes == null ? List.of() : read(binaryMediaTypes, new TypeReference<List<String>>() { }));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JsonDocs.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON of api is unreadable: " + e.getMessage(), e);
        }
    }
}
