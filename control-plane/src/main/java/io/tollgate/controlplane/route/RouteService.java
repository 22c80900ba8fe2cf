package io.tollgate.controlplane.route;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.api.Api;
import io.tollgate.controlplane.api.ApiRepository;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.authorizer.Authorizer;
import io.tollgate.controlplane.authorizer.AuthorizerRepository;
import io.tollgate.controlplane.problem.ProblemException;
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
import java.util.stream.Collectors;

/** Routes of an API. Writes lock the API, so the conflict check sees every route committed before. */
@ApplicationScoped
public class RouteService {

    @Inject
    ApiRepository apis;

    @Inject
    RouteRepository routes;

    @Inject
    AuthorizerRepository authorizers;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Page<RouteView>> list(TenantAccess access, UUID apiId, PageRequest page) {
        return apis.get(access.tenantId(), apiId)
                .chain(api -> routes.page(access.tenantId(), apiId, page))
                .map(rows -> Page.of(rows, page, r -> r.id, RouteView::of));
    }

    @WithSession
    public Uni<RouteView> get(TenantAccess access, UUID apiId, UUID routeId) {
        return routes.get(access.tenantId(), apiId, routeId).map(RouteView::of);
    }

    @WithTransaction
    public Uni<RouteView> create(TenantAccess access, UUID apiId, RouteSpec request) {
        return apis.lock(access.tenantId(), apiId).chain(api -> checked(access, api, request).chain(spec ->
                routes.ofApi(access.tenantId(), apiId).chain(existing -> {
                    refuseConflict(existing, null, spec);
                    Route route = new Route();
                    route.id = Ids.newId();
                    route.tenantId = access.tenantId();
                    route.apiId = apiId;
                    route.createdAt = Instant.now();
                    route.apply(spec);
                    return routes.persist(route)
                            .call(() -> audit.record(access.tenantId(), access.caller(), "route.created", "route", route.id,
                                    null, route.auditSummary()))
                            .call(routes::flush)
                            .map(ignored -> RouteView.of(route));
                })));
    }

    @WithTransaction
    public Uni<RouteView> replace(TenantAccess access, UUID apiId, UUID routeId, String ifMatch, RouteSpec request) {
        return apis.lock(access.tenantId(), apiId).chain(api -> routes.get(access.tenantId(), apiId, routeId).chain(route -> {
            ETags.check(ifMatch, route.version);
            return checked(access, api, request).chain(spec -> routes.ofApi(access.tenantId(), apiId).chain(existing -> {
                refuseConflict(existing, route.id.toString(), spec);
                Map<String, Object> before = route.auditSummary();
                route.apply(spec);
                return audit.record(access.tenantId(), access.caller(), "route.updated", "route", route.id, before,
                                route.auditSummary())
                        .call(routes::flush)
                        .map(ignored -> RouteView.of(route));
            }));
        }));
    }

    @WithTransaction
    public Uni<Void> delete(TenantAccess access, UUID apiId, UUID routeId, String ifMatch) {
        return routes.get(access.tenantId(), apiId, routeId).chain(route -> {
            ETags.check(ifMatch, route.version);
            return routes.delete(route).call(() -> audit.record(access.tenantId(), access.caller(), "route.deleted", "route",
                    route.id, route.auditSummary(), null));
        });
    }

    /** Validates the route against the API's authorizers and models. */
    private Uni<RouteSpec> checked(TenantAccess access, Api api, RouteSpec request) {
        return authorizers.ofApi(access.tenantId(), api.id).map(found -> {
            Map<String, String> types = found.stream().collect(Collectors.toMap(a -> a.id.toString(), (Authorizer a) -> a.type));
            return RouteRules.check(request, new RouteRules.ApiContext(types, api.spec().models().keySet()));
        });
    }

    private static void refuseConflict(List<Route> existing, String selfId, RouteSpec spec) {
        RoutePaths.conflict(existing.stream().map(Route::existing).toList(), selfId, spec.method(), spec.path())
                .ifPresent(other -> {
                    throw ProblemException.conflict("The route " + spec.method() + " " + spec.path() + " conflicts with the route "
                            + other.method() + " " + other.path() + " (" + other.id() + "): they would match the same requests.");
                });
    }
}
