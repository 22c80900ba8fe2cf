package io.tollgate.controlplane.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DomainRepository implements PanacheRepositoryBase<CustomDomain, UUID> {

    public Uni<List<CustomDomain>> page(UUID tenantId, PageRequest page) {
        return find("tenantId = ?1 and id > ?2 order by id", tenantId, page.afterOrStart()).page(0, page.fetchSize()).list();
    }

    /** The domain of this tenant, or a 404: an id of another tenant finds nothing. */
    public Uni<CustomDomain> get(UUID tenantId, UUID domainId) {
        return find("tenantId = ?1 and id = ?2", tenantId, domainId).firstResult().map(DomainRepository::orNotFound);
    }

    /**
     * The domain locked for the rest of the transaction: every change of a domain or its mappings takes
     * this lock before it publishes, so the records it publishes follow one another in commit order and
     * each holds the complete set of mappings.
     */
    public Uni<CustomDomain> lock(UUID tenantId, UUID domainId) {
        return find("tenantId = ?1 and id = ?2", tenantId, domainId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(DomainRepository::orNotFound);
    }

    /** The tenant's own claim of a hostname, if any. */
    public Uni<CustomDomain> ofTenant(UUID tenantId, String hostname) {
        return find("tenantId = ?1 and hostname = ?2", tenantId, hostname).firstResult();
    }

    /** The verified claim of a hostname other than {@code exceptId}, of any tenant: the platform serves a host once. */
    public Uni<CustomDomain> verifiedElsewhere(String hostname, UUID exceptId) {
        return find("hostname = ?1 and status = ?2 and id <> ?3", hostname, CustomDomain.Status.VERIFIED,
                exceptId == null ? new UUID(0, 0) : exceptId).firstResult();
    }

    private static CustomDomain orNotFound(CustomDomain domain) {
        if (domain == null) {
            throw ProblemException.notFound("No such custom domain in this tenant.");
        }
        return domain;
    }
}
