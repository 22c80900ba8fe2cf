package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.api.Api;
import io.tollgate.controlplane.api.ApiRepository;
import io.tollgate.controlplane.api.ApiView;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.authorizer.Authorizer;
import io.tollgate.controlplane.authorizer.AuthorizerRepository;
import io.tollgate.controlplane.authorizer.AuthorizerSpec;
import io.tollgate.controlplane.route.Route;
import io.tollgate.controlplane.route.RouteRepository;
import io.tollgate.controlplane.route.RouteSpec;
import io.tollgate.controlplane.web.ETags;
import io.tollgate.controlplane.web.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * OpenAPI import and export of APIs. An import is one transaction: the API, its authorizers and routes are
 * stored together or not at all, and audited once. Overwriting replaces the API's definition, routes and
 * authorizers; deployed versions keep serving until the next deployment.
 */
@ApplicationScoped
public class OpenApiService {

    @Inject
    ApiRepository apis;

    @Inject
    RouteRepository routes;

    @Inject
    AuthorizerRepository authorizers;

    @Inject
    AuditLog audit;

    @WithTransaction
    public Uni<ImportResult> importNew(TenantAccess access, String document) {
        ImportedDefinition definition = OpenApiImporter.read(document);
        Api api = new Api();
        api.id = Ids.newId();
        api.tenantId = access.tenantId();
        api.createdAt = Instant.now();
        api.apply(definition.api());
        return apis.persist(api)
                .chain(() -> store(access, api, definition))
                .call(() -> audit.record(access.tenantId(), access.caller(), "api.imported", "api", api.id, null,
                        summary(api, definition)))
                .call(apis::flush)
                .map(ignored -> result(api, definition));
    }

    @WithTransaction
    public Uni<ImportResult> overwrite(TenantAccess access, UUID apiId, String ifMatch, String document) {
        return apis.lock(access.tenantId(), apiId).chain(api -> {
            ETags.check(ifMatch, api.version);
            ImportedDefinition definition = OpenApiImporter.read(document);
            Map<String, Object> before = Map.of("name", api.name, "kind", api.kind);
            return routes.delete("tenantId = ?1 and apiId = ?2", access.tenantId(), apiId)
                    .chain(() -> authorizers.delete("tenantId = ?1 and apiId = ?2", access.tenantId(), apiId))
                    .invoke(() -> api.apply(definition.api()))
                    .chain(() -> store(access, api, definition))
                    .call(() -> audit.record(access.tenantId(), access.caller(), "api.definition.replaced", "api", api.id, before,
                            summary(api, definition)))
                    .call(apis::flush)
                    .map(ignored -> result(api, definition));
        });
    }

    @WithSession
    public Uni<ObjectNode> export(TenantAccess access, UUID apiId, boolean extensions) {
        return apis.get(access.tenantId(), apiId).chain(api -> authorizers.ofApi(access.tenantId(), apiId)
                .chain(found -> routes.ofApi(access.tenantId(), apiId).map(rows -> {
                    Map<String, AuthorizerSpec> byId = new HashMap<>();
                    found.forEach(a -> byId.put(a.id.toString(), a.spec()));
                    return OpenApiExporter.write(api.spec(), byId, rows.stream().map(Route::spec).toList(), extensions);
                })));
    }

    /** Persists the definition's authorizers, then its routes with their authorizer names turned into ids. */
    private Uni<Void> store(TenantAccess access, Api api, ImportedDefinition definition) {
        Map<String, String> idsByName = new LinkedHashMap<>();
        List<Authorizer> newAuthorizers = new ArrayList<>();
        for (AuthorizerSpec spec : definition.authorizers()) {
            Authorizer authorizer = new Authorizer();
            authorizer.id = Ids.newId();
            authorizer.tenantId = access.tenantId();
            authorizer.apiId = api.id;
            authorizer.createdAt = Instant.now();
            authorizer.apply(spec);
            idsByName.put(spec.name(), authorizer.id.toString());
            newAuthorizers.add(authorizer);
        }
        List<Route> newRoutes = new ArrayList<>();
        for (RouteSpec spec : definition.routes()) {
            RouteSpec.Authorization a = spec.authorization();
            RouteSpec.Authorization withId = a.authorizerId() == null ? a
                    : new RouteSpec.Authorization(a.type(), idsByName.get(a.authorizerId()), a.scopes(), a.apiKeyRequired());
            Route route = new Route();
            route.id = Ids.newId();
            route.tenantId = access.tenantId();
            route.apiId = api.id;
            route.createdAt = Instant.now();
            route.apply(new RouteSpec(spec.method(), spec.path(), withId, spec.integration(), spec.validation()));
            newRoutes.add(route);
        }
        // Authorizers first: the old ones of an overwritten API are gone by now, so their names are free again.
        Uni<Void> storedAuthorizers = newAuthorizers.isEmpty() ? Uni.createFrom().voidItem()
                : authorizers.persist(newAuthorizers).call(authorizers::flush);
        return storedAuthorizers.chain(() -> newRoutes.isEmpty() ? Uni.createFrom().voidItem() : routes.persist(newRoutes));
    }

    private static Map<String, Object> summary(Api api, ImportedDefinition definition) {
        return Map.of("name", api.name, "kind", api.kind, "routes", definition.routes().size(),
                "authorizers", definition.authorizers().size(), "warnings", definition.warnings().size());
    }

    private static ImportResult result(Api api, ImportedDefinition definition) {
        return new ImportResult(ApiView.of(api), definition.routes().size(), definition.authorizers().size(), definition.warnings());
    }
}
