package io.tollgate.controlplane.apikey;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Uni<List<ApiKey>> page(UUID tenantId, PageRequest page) {
        return find("tenantId = ?1 and id > ?2 order by id", tenantId, page.afterOrStart()).page(0, page.fetchSize()).list();
    }

    /** The key of this tenant, or a 404: an id of another tenant finds nothing. */
    public Uni<ApiKey> get(UUID tenantId, UUID keyId) {
        return find("tenantId = ?1 and id = ?2", tenantId, keyId).firstResult().map(key -> {
            if (key == null) {
                throw ProblemException.notFound("No such API key in this tenant.");
            }
            return key;
        });
    }

    /** Whether any key, of any tenant, has this value: the gateway finds keys by hash alone. */
    public Uni<Boolean> valueInUse(String sha256) {
        return count("sha256", sha256).map(count -> count > 0);
    }
}
