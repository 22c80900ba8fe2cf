package io.tollgate.controlplane.stage;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StageRepository implements PanacheRepositoryBase<Stage, UUID> {

    public Uni<List<Stage>> page(UUID tenantId, UUID apiId, PageRequest page) {
        return find("tenantId = ?1 and apiId = ?2 and id > ?3 order by id", tenantId, apiId, page.afterOrStart())
                .page(0, page.fetchSize()).list();
    }

    /** The stage of this API with this name, or null. */
    public Uni<Stage> find(UUID tenantId, UUID apiId, String name) {
        return find("tenantId = ?1 and apiId = ?2 and name = ?3", tenantId, apiId, name).firstResult();
    }

    public Uni<Stage> get(UUID tenantId, UUID apiId, String name) {
        return find(tenantId, apiId, name).map(stage -> {
            if (stage == null) {
                throw ProblemException.notFound("No such stage of this API.");
            }
            return stage;
        });
    }
}
