package io.tollgate.controlplane.member;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.Role;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    /** The role of a person in a tenant, or null when they are not a member. */
    public Uni<Role> findRole(UUID tenantId, String subject) {
        return find("tenantId = ?1 and subject = ?2", tenantId, subject).firstResult().map(m -> m == null ? null : m.role);
    }

    /** Every query is scoped by tenant: an id from another tenant finds nothing. */
    public Uni<Member> findInTenant(UUID tenantId, UUID memberId) {
        return find("tenantId = ?1 and id = ?2", tenantId, memberId).firstResult();
    }

    public Uni<Boolean> isMember(UUID tenantId, String subject) {
        return count("tenantId = ?1 and subject = ?2", tenantId, subject).map(n -> n > 0);
    }

    public Uni<List<Member>> page(UUID tenantId, PageRequest page) {
        return find("tenantId = ?1 and id > ?2 order by id", tenantId, page.afterOrStart()).page(0, page.fetchSize()).list();
    }

    /** A person's memberships, ordered by tenant id so that the tenant list pages by tenant id. */
    public Uni<List<Member>> pageOfSubject(String subject, PageRequest page) {
        return find("subject = ?1 and tenantId > ?2 order by tenantId", subject, page.afterOrStart())
                .page(0, page.fetchSize()).list();
    }

    public Uni<Long> countOwners(UUID tenantId) {
        return count("tenantId = ?1 and role = ?2", tenantId, Role.OWNER);
    }
}
