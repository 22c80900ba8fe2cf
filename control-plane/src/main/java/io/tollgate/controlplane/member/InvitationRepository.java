package io.tollgate.controlplane.member;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public Uni<List<Invitation>> page(UUID tenantId, PageRequest page) {
        return find("tenantId = ?1 and id > ?2 order by id", tenantId, page.afterOrStart()).page(0, page.fetchSize()).list();
    }

    public Uni<Invitation> findInTenant(UUID tenantId, UUID invitationId) {
        return find("tenantId = ?1 and id = ?2", tenantId, invitationId).firstResult();
    }

    public Uni<Boolean> existsFor(UUID tenantId, String email) {
        return count("tenantId = ?1 and email = ?2", tenantId, email).map(n -> n > 0);
    }

    /** Unexpired invitations of one email address, across tenants (indexed by email). */
    public Uni<List<Invitation>> pendingFor(String email, Instant now) {
        return list("email = ?1 and expiresAt > ?2 order by id", email, now);
    }
}
