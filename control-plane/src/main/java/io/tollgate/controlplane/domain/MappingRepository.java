package io.tollgate.controlplane.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MappingRepository implements PanacheRepositoryBase<BasePathMapping, UUID> {

    public Uni<List<BasePathMapping>> page(UUID tenantId, UUID domainId, PageRequest page) {
        return find("tenantId = ?1 and domainId = ?2 and id > ?3 order by id", tenantId, domainId, page.afterOrStart())
                .page(0, page.fetchSize()).list();
    }

    /** Every mapping of the domain, as the gateway gets them: ordered by base path. */
    public Uni<List<BasePathMapping>> ofDomain(UUID tenantId, UUID domainId) {
        return find("tenantId = ?1 and domainId = ?2 order by basePath", tenantId, domainId).list();
    }

    /** The mapping of this tenant's domain, or a 404. */
    public Uni<BasePathMapping> get(UUID tenantId, UUID domainId, UUID mappingId) {
        return find("tenantId = ?1 and domainId = ?2 and id = ?3", tenantId, domainId, mappingId).firstResult()
                .map(mapping -> {
                    if (mapping == null) {
                        throw ProblemException.notFound("No such base path mapping on this custom domain.");
                    }
                    return mapping;
                });
    }

    /** Whether another mapping of the domain already has the base path. */
    public Uni<Boolean> basePathTaken(UUID domainId, String basePath, UUID exceptId) {
        return count("domainId = ?1 and basePath = ?2 and id <> ?3", domainId, basePath,
                exceptId == null ? new UUID(0, 0) : exceptId).map(count -> count > 0);
    }
}
