package io.tollgate.controlplane.deployment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeploymentRepository implements PanacheRepositoryBase<Deployment, UUID> {

    /** Newest first, like a release history; ids are time-ordered, so the cursor is the last id seen. */
    public Uni<List<Deployment>> page(UUID tenantId, UUID apiId, PageRequest page) {
        return find("tenantId = ?1 and apiId = ?2 and id < ?3 order by id desc", tenantId, apiId, page.beforeOrEnd())
                .page(0, page.fetchSize()).list();
    }

    public Uni<Deployment> get(UUID tenantId, UUID apiId, UUID deploymentId) {
        return find(tenantId, apiId, deploymentId).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("No such deployment of this API.");
            }
            return found;
        });
    }

    /** The deployment of this API, or null. */
    public Uni<Deployment> find(UUID tenantId, UUID apiId, UUID deploymentId) {
        return find("tenantId = ?1 and apiId = ?2 and id = ?3", tenantId, apiId, deploymentId).firstResult();
    }

    /** The next number of the API; call with the API locked so two deployments cannot draw the same one. */
    public Uni<Integer> nextNumber(UUID apiId) {
        return find("select coalesce(max(d.number), 0) from Deployment d where d.apiId = ?1", apiId)
                .project(Integer.class).firstResult().map(max -> (max == null ? 0 : max) + 1);
    }
}
