package io.tollgate.controlplane.member;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.access.Role;
import io.tollgate.controlplane.web.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A person's membership of a tenant, with their role there. The person is known by their Keycloak subject. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public String subject;

    /** As the token showed it when they joined; for display, not for identity. */
    public String email;

    @Column(name = "display_name")
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "joined_at", nullable = false, updatable = false)
    public Instant joinedAt;

    /** Bumped on every update; the ETag of the membership. */
    @Version
    public long version;

    public static Member join(UUID tenantId, Caller.Person person, Role role) {
        Member member = new Member();
        member.id = Ids.newId();
        member.tenantId = tenantId;
        member.subject = person.subject();
        member.email = person.email();
        member.displayName = person.name();
        member.role = role;
        member.joinedAt = Instant.now();
        return member;
    }

    public Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("subject", subject);
        if (email != null) {
            summary.put("email", email);
        }
        summary.put("role", role.wireName());
        return summary;
    }
}
