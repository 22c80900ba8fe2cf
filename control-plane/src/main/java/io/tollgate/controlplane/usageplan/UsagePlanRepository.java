package io.tollgate.controlplane.usageplan;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UsagePlanRepository implements PanacheRepositoryBase<UsagePlan, UUID> {

    public Uni<List<UsagePlan>> page(UUID tenantId, PageRequest page) {
        return find("tenantId = ?1 and id > ?2 order by id", tenantId, page.afterOrStart()).page(0, page.fetchSize()).list();
    }

    /** The plan of this tenant, or a 404: an id of another tenant finds nothing. */
    public Uni<UsagePlan> get(UUID tenantId, UUID planId) {
        return find("tenantId = ?1 and id = ?2", tenantId, planId).firstResult().map(UsagePlanRepository::orNotFound);
    }

    /** The plan locked for update: a deletion holds it while it checks that no key names the plan. */
    public Uni<UsagePlan> lock(UUID tenantId, UUID planId) {
        return find("tenantId = ?1 and id = ?2", tenantId, planId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(UsagePlanRepository::orNotFound);
    }

    /**
     * The tenant's plans among these ids, share-locked until commit: a key linked to them commits before
     * any of them can be deleted, and the deletion then sees the key.
     */
    public Uni<List<UsagePlan>> lockShared(UUID tenantId, Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("tenantId = ?1 and id in ?2", tenantId, planIds).withLock(LockModeType.PESSIMISTIC_READ).list();
    }

    /** How many API keys of the tenant are linked to the plan. */
    public Uni<Long> linkedKeys(UUID tenantId, UUID planId) {
        return getSession().chain(session -> session
                .createNativeQuery("select count(*) from api_key where tenant_id = ?1 "
                        + "and usage_plan_ids -> 'ids' @> jsonb_build_array(cast(?2 as text))")
                .setParameter(1, tenantId).setParameter(2, planId.toString()).getSingleResult()
                .map(count -> ((Number) count).longValue()));
    }

    private static UsagePlan orNotFound(UsagePlan plan) {
        if (plan == null) {
            throw ProblemException.notFound("No such usage plan in this tenant.");
        }
        return plan;
    }
}
