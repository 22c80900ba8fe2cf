package io.tollgate.controlplane.authorizer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuthorizerRepository implements PanacheRepositoryBase<Authorizer, UUID> {

    public Uni<List<Authorizer>> page(UUID tenantId, UUID apiId, PageRequest page) {
        return find("tenantId = ?1 and apiId = ?2 and id > ?3 order by id", tenantId, apiId, page.afterOrStart())
                .page(0, page.fetchSize()).list();
    }

    public Uni<List<Authorizer>> ofApi(UUID tenantId, UUID apiId) {
        return list("tenantId = ?1 and apiId = ?2 order by id", tenantId, apiId);
    }

    public Uni<Authorizer> get(UUID tenantId, UUID apiId, UUID authorizerId) {
        return find("tenantId = ?1 and apiId = ?2 and id = ?3", tenantId, apiId, authorizerId).firstResult().map(found -> {
            if (found == null) {
                throw ProblemException.notFound("No such authorizer in this API.");
            }
            return found;
        });
    }
}
