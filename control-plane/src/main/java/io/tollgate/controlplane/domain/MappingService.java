package io.tollgate.controlplane.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.api.Api;
import io.tollgate.controlplane.api.ApiRepository;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.web.ETags;
import io.tollgate.controlplane.web.Ids;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Base path mappings of a tenant's custom domains. Each change locks its domain and republishes the
 * domain's whole DomainConfig (when verified) in the same transaction.
 */
@ApplicationScoped
public class MappingService {

    @Inject
    DomainRepository domains;

    @Inject
    MappingRepository mappings;

    @Inject
    ApiRepository apis;

    @Inject
    DomainPublisher publisher;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Page<MappingView>> list(TenantAccess access, UUID domainId, PageRequest page) {
        return domains.get(access.tenantId(), domainId)
                .chain(domain -> mappings.page(access.tenantId(), domain.id, page))
                .map(rows -> Page.of(rows, page, m -> m.id, MappingView::of));
    }

    @WithSession
    public Uni<MappingView> get(TenantAccess access, UUID domainId, UUID mappingId) {
        return domains.get(access.tenantId(), domainId)
                .chain(domain -> mappings.get(access.tenantId(), domain.id, mappingId)).map(MappingView::of);
    }

    @WithTransaction
    public Uni<MappingView> create(TenantAccess access, UUID domainId, DomainRequests.MappingSpec request) {
        return domains.lock(access.tenantId(), domainId).chain(domain -> checked(access, request)
                .chain(spec -> unique(domain, spec, null).chain(() -> {
                    BasePathMapping mapping = new BasePathMapping();
                    mapping.id = Ids.newId();
                    mapping.tenantId = access.tenantId();
                    mapping.domainId = domain.id;
                    mapping.createdAt = Instant.now();
                    mapping.apply(spec);
                    return mappings.persist(mapping)
                            .chain(ignored -> changed(access, domain, mapping, "domain.mapping_created", null));
                })));
    }

    @WithTransaction
    public Uni<MappingView> replace(TenantAccess access, UUID domainId, UUID mappingId, String ifMatch,
                                    DomainRequests.MappingSpec request) {
        return domains.lock(access.tenantId(), domainId).chain(domain -> mappings.get(access.tenantId(), domain.id, mappingId)
                .chain(mapping -> {
                    ETags.check(ifMatch, mapping.version);
                    return checked(access, request).chain(spec -> unique(domain, spec, mapping.id).chain(() -> {
                        Map<String, Object> before = mapping.auditSummary();
                        mapping.apply(spec);
                        return changed(access, domain, mapping, "domain.mapping_updated", before);
                    }));
                }));
    }

    @WithTransaction
    public Uni<Void> delete(TenantAccess access, UUID domainId, UUID mappingId, String ifMatch) {
        return domains.lock(access.tenantId(), domainId).chain(domain -> mappings.get(access.tenantId(), domain.id, mappingId)
                .chain(mapping -> {
                    ETags.check(ifMatch, mapping.version);
                    return mappings.delete(mapping)
                            .call(() -> publisher.publishIfVerified(domain))
                            .call(() -> audit.record(access.tenantId(), access.caller(), "domain.mapping_deleted",
                                    "base_path_mapping", mapping.id, mapping.auditSummary(), null));
                }));
    }

    private Uni<MappingView> changed(TenantAccess access, CustomDomain domain, BasePathMapping mapping, String action,
                                     Map<String, Object> before) {
        return mappings.flush()
                .onFailure(UniqueViolations::is).transform(e -> basePathTaken(mapping.basePath))
                .call(() -> publisher.publishIfVerified(domain))
                .call(() -> audit.record(access.tenantId(), access.caller(), action, "base_path_mapping", mapping.id,
                        before, mapping.auditSummary()))
                .call(mappings::flush)
                .map(ignored -> MappingView.of(mapping));
    }

    private Uni<Void> unique(CustomDomain domain, DomainRules.Mapping spec, UUID exceptId) {
        return mappings.basePathTaken(domain.id, spec.basePath(), exceptId).map(taken -> {
            if (taken) {
                throw basePathTaken(spec.basePath());
            }
            return null;
        });
    }

    private static ProblemException basePathTaken(String basePath) {
        return ProblemException.conflict("The base path '" + basePath + "' is already mapped on this domain.");
    }

    /** Looks up whether the named API is the tenant's, then checks every field at once. */
    private Uni<DomainRules.Mapping> checked(TenantAccess access, DomainRequests.MappingSpec request) {
        UUID apiId = DomainRules.apiId(request.apiId());
        Uni<Set<UUID>> found = apiId == null ? Uni.createFrom().item(Set.of())
                : apis.find("tenantId = ?1 and id = ?2", access.tenantId(), apiId).firstResult()
                        .map((Api api) -> api == null ? Set.<UUID>of() : Set.of(api.id));
        return found.map(tenantApis -> DomainRules.mapping(request, tenantApis));
    }
}
