package io.tollgate.controlplane.authorizer;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.api.ApiRepository;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.route.RouteRepository;
import io.tollgate.controlplane.web.ETags;
import io.tollgate.controlplane.web.Ids;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Authorizers of an API. Writes lock the API: names stay unique and routes never lose the authorizer they use. */
@ApplicationScoped
public class AuthorizerService {

    @Inject
    ApiRepository apis;

    @Inject
    AuthorizerRepository authorizers;

    @Inject
    RouteRepository routes;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Page<AuthorizerView>> list(TenantAccess access, UUID apiId, PageRequest page) {
        return apis.get(access.tenantId(), apiId)
                .chain(api -> authorizers.page(access.tenantId(), apiId, page))
                .map(rows -> Page.of(rows, page, a -> a.id, AuthorizerView::of));
    }

    @WithSession
    public Uni<AuthorizerView> get(TenantAccess access, UUID apiId, UUID authorizerId) {
        return authorizers.get(access.tenantId(), apiId, authorizerId).map(AuthorizerView::of);
    }

    @WithTransaction
    public Uni<AuthorizerView> create(TenantAccess access, UUID apiId, AuthorizerSpec request) {
        AuthorizerSpec spec = AuthorizerRules.check(request);
        return apis.lock(access.tenantId(), apiId).chain(api -> authorizers.ofApi(access.tenantId(), apiId).chain(existing -> {
            refuseDuplicateName(existing, null, spec.name());
            Authorizer authorizer = new Authorizer();
            authorizer.id = Ids.newId();
            authorizer.tenantId = access.tenantId();
            authorizer.apiId = apiId;
            authorizer.createdAt = Instant.now();
            authorizer.apply(spec);
            return authorizers.persist(authorizer)
                    .call(() -> audit.record(access.tenantId(), access.caller(), "authorizer.created", "authorizer",
                            authorizer.id, null, authorizer.auditSummary()))
                    .call(authorizers::flush)
                    .map(ignored -> AuthorizerView.of(authorizer));
        }));
    }

    @WithTransaction
    public Uni<AuthorizerView> replace(TenantAccess access, UUID apiId, UUID authorizerId, String ifMatch, AuthorizerSpec request) {
        return apis.lock(access.tenantId(), apiId).chain(api -> authorizers.get(access.tenantId(), apiId, authorizerId)
                .chain(authorizer -> {
                    ETags.check(ifMatch, authorizer.version);
                    AuthorizerSpec spec = AuthorizerRules.check(request);
                    if (!spec.type().equals(authorizer.type)) {
                        // Routes chose this authorizer for its type: a JWT route must not silently become REQUEST.
                        throw ProblemException.invalid("type", "cannot change from " + authorizer.type
                                + "; create a new authorizer instead");
                    }
                    return authorizers.ofApi(access.tenantId(), apiId).chain(existing -> {
                        refuseDuplicateName(existing, authorizer.id, spec.name());
                        Map<String, Object> before = authorizer.auditSummary();
                        authorizer.apply(spec);
                        return audit.record(access.tenantId(), access.caller(), "authorizer.updated", "authorizer",
                                        authorizer.id, before, authorizer.auditSummary())
                                .call(authorizers::flush)
                                .map(ignored -> AuthorizerView.of(authorizer));
                    });
                }));
    }

    @WithTransaction
    public Uni<Void> delete(TenantAccess access, UUID apiId, UUID authorizerId, String ifMatch) {
        return apis.lock(access.tenantId(), apiId).chain(api -> authorizers.get(access.tenantId(), apiId, authorizerId)
                .chain(authorizer -> {
                    ETags.check(ifMatch, authorizer.version);
                    return routes.countUsing(apiId, authorizer.id.toString()).chain(users -> {
                        if (users > 0) {
                            throw ProblemException.conflict("The authorizer is used by " + users
                                    + " route(s); change their authorization first.");
                        }
                        return authorizers.delete(authorizer).call(() -> audit.record(access.tenantId(), access.caller(),
                                "authorizer.deleted", "authorizer", authorizer.id, authorizer.auditSummary(), null));
                    });
                }));
    }

    private static void refuseDuplicateName(List<Authorizer> existing, UUID selfId, String name) {
        if (existing.stream().anyMatch(a -> !a.id.equals(selfId) && a.name.equals(name))) {
            throw ProblemException.conflict("This API already has an authorizer named " + name + ".");
        }
    }
}
