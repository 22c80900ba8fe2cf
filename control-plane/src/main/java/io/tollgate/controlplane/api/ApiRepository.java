package io.tollgate.controlplane.api;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiRepository implements PanacheRepositoryBase<Api, UUID> {

    public Uni<List<Api>> page(UUID tenantId, PageRequest page) {
        return find("tenantId = ?1 and id > ?2 order by id", tenantId, page.afterOrStart()).page(0, page.fetchSize()).list();
    }

    /** The API of this tenant, or a 404: an id of another tenant finds nothing. */
    public Uni<Api> get(UUID tenantId, UUID apiId) {
        return find("tenantId = ?1 and id = ?2", tenantId, apiId).firstResult().map(ApiRepository::orNotFound);
    }

    /**
     * The API locked for the rest of the transaction. Changes that keep an invariant across an API's
     * rows (no conflicting routes, deployment numbers 1, 2, 3…) lock it first, so two of them cannot both
     * pass their check on the same snapshot.
     */
    public Uni<Api> lock(UUID tenantId, UUID apiId) {
        return find("tenantId = ?1 and id = ?2", tenantId, apiId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(ApiRepository::orNotFound);
    }

    private static Api orNotFound(Api api) {
        if (api == null) {
            throw ProblemException.notFound("No such API in this tenant.");
        }
        return api;
    }
}
