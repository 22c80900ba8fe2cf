package io.tollgate.controlplane.route;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RouteRepository implements PanacheRepositoryBase<Route, UUID> {

    public Uni<List<Route>> page(UUID tenantId, UUID apiId, PageRequest page) {
        return find("tenantId = ?1 and apiId = ?2 and id > ?3 order by id", tenantId, apiId, page.afterOrStart())
                .page(0, page.fetchSize()).list();
    }

    public Uni<List<Route>> ofApi(UUID tenantId, UUID apiId) {
        return list("tenantId = ?1 and apiId = ?2 order by id", tenantId, apiId);
    }

    public Uni<Route> get(UUID tenantId, UUID apiId, UUID routeId) {
        return find("tenantId = ?1 and apiId = ?2 and id = ?3", tenantId, apiId, routeId).firstResult().map(route -> {
            if (route == null) {
                throw ProblemException.notFound("No such route in this API.");
            }
            return route;
        });
    }

    /** Routes that use an authorizer: it cannot be deleted while they do. */
    public Uni<Long> countUsing(UUID apiId, String authorizerId) {
        return find("apiId = ?1", apiId).list().map(routes -> routes.stream()
                .filter(r -> authorizerId.equals(r.spec().authorization().authorizerId())).count());
    }
}
