package io.tollgate.controlplane.member;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tollgate.controlplane.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A pending invitation of an email address to a tenant. It becomes a membership when a person whose
 * Keycloak-verified email matches next calls the API, and disappears then.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    /** Lower-cased, so that matching the token's email is exact. */
    @Column(nullable = false, updatable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "invited_by", nullable = false, updatable = false)
    public String invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    Map<String, Object> auditSummary() {
        return Map.of("email", email, "role", role.wireName(), "expiresAt", expiresAt.toString());
    }
}
