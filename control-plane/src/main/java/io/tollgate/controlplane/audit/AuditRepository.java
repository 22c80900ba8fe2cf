package io.tollgate.controlplane.audit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    /** Newest first: ids are time-ordered, so the cursor is the last id seen. */
    public Uni<List<AuditEntry>> page(UUID tenantId, PageRequest page) {
        return find("tenantId = ?1 and id < ?2 order by id desc", tenantId, page.beforeOrEnd())
                .page(0, page.fetchSize()).list();
    }
}
