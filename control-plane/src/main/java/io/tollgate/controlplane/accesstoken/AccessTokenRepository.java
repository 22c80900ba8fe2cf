package io.tollgate.controlplane.accesstoken;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AccessTokenRepository implements PanacheRepositoryBase<AccessToken, UUID> {

    public Uni<List<AccessToken>> page(UUID tenantId, PageRequest page) {
        return find("tenantId = ?1 and id > ?2 order by id", tenantId, page.afterOrStart()).page(0, page.fetchSize()).list();
    }

    public Uni<AccessToken> findInTenant(UUID tenantId, UUID tokenId) {
        return find("tenantId = ?1 and id = ?2", tenantId, tokenId).firstResult();
    }

    public Uni<AccessToken> findBySecretHash(String sha256) {
        return find("secretSha256", sha256).firstResult();
    }
}
