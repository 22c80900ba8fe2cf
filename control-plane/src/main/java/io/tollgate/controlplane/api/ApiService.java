package io.tollgate.controlplane.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.publish.ConfigOutbox;
import io.tollgate.controlplane.web.ETags;
import io.tollgate.controlplane.web.Ids;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * APIs of a tenant. Editing an API changes nothing the gateway serves until it is deployed again;
 * deleting one withdraws its stages and deployments from the gateway in the same transaction.
 */
@ApplicationScoped
public class ApiService {

    @Inject
    ApiRepository apis;

    @Inject
    AuditLog audit;

    @Inject
    ConfigOutbox outbox;

    @WithSession
    public Uni<Page<ApiView>> list(TenantAccess access, PageRequest page) {
        return apis.page(access.tenantId(), page).map(rows -> Page.of(rows, page, a -> a.id, ApiView::of));
    }

    @WithSession
    public Uni<ApiView> get(TenantAccess access, UUID apiId) {
        return apis.get(access.tenantId(), apiId).map(ApiView::of);
    }

    @WithTransaction
    public Uni<ApiView> create(TenantAccess access, ApiSpec request) {
        ApiSpec spec = ApiRules.check(request);
        Api api = new Api();
        api.id = Ids.newId();
        api.tenantId = access.tenantId();
        api.createdAt = Instant.now();
        api.apply(spec);
        return apis.persist(api)
                .call(() -> audit.record(access.tenantId(), access.caller(), "api.created", "api", api.id, null,
                        ApiRules.auditSummary(api)))
                .call(apis::flush)
                .map(ignored -> ApiView.of(api));
    }

    @WithTransaction
    public Uni<ApiView> replace(TenantAccess access, UUID apiId, String ifMatch, ApiSpec request) {
        return apis.get(access.tenantId(), apiId).chain(api -> {
            ETags.check(ifMatch, api.version);
            ApiSpec spec = ApiRules.check(request);
            Map<String, Object> before = ApiRules.auditSummary(api);
            api.apply(spec);
            return audit.record(access.tenantId(), access.caller(), "api.updated", "api", api.id, before,
                            ApiRules.auditSummary(api))
                    .call(apis::flush)
                    .map(ignored -> ApiView.of(api));
        });
    }

    @WithTransaction
    public Uni<Void> delete(TenantAccess access, UUID apiId, String ifMatch) {
        return apis.lock(access.tenantId(), apiId).chain(api -> {
            ETags.check(ifMatch, api.version);
            return outbox.tombstoneApi(api.id)
                    .call(() -> apis.delete(api))
                    .call(() -> audit.record(access.tenantId(), access.caller(), "api.deleted", "api", api.id,
                            ApiRules.auditSummary(api), null))
                    .replaceWithVoid();
        });
    }
}
