package io.tollgate.controlplane.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, UUID> {

    public Uni<List<Tenant>> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /**
     * Locks the tenant row for the rest of the transaction. Membership changes that must keep an
     * invariant across rows (at least one owner) take this lock first, so two of them cannot both pass
     * the check on the same snapshot.
     */
    public Uni<Tenant> lock(UUID tenantId) {
        return findById(tenantId, LockModeType.PESSIMISTIC_WRITE);
    }
}
