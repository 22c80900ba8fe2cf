package io.tollgate.controlplane.tenant;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.access.Role;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.member.Member;
import io.tollgate.controlplane.member.MemberRepository;
import io.tollgate.controlplane.planlimit.TenantPlanLimitRepository;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.publish.ConfigOutbox;
import io.tollgate.controlplane.publish.TenantTranslator;
import io.tollgate.controlplane.web.ETags;
import io.tollgate.controlplane.web.Ids;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class TenantService {

    @Inject
    TenantRepository tenants;

    @Inject
    MemberRepository members;

    @Inject
    AuditLog audit;

    @Inject
    ConfigOutbox outbox;

    @Inject
    TenantPlanLimitRepository planLimits;

    /** Creates an organization with the signed-in person as its first owner, and announces it ACTIVE to the gateway. */
    @WithTransaction
    public Uni<TenantView> create(Caller caller, TenantRequests.CreateTenant request) {
        if (!(caller instanceof Caller.Person person)) {
            // An access token belongs to one tenant; organizations are created by people.
            throw ProblemException.forbidden("Organizations are created by people, not by tenant access tokens.");
        }
        Tenant tenant = new Tenant();
        tenant.id = Ids.newId();
        tenant.name = request.name().strip();
        tenant.createdAt = Instant.now();
        tenant.createdBy = person.subject();
        Member owner = Member.join(tenant.id, person, Role.OWNER);
        return tenants.persist(tenant)
                .call(() -> members.persist(owner))
                .call(() -> audit.record(tenant.id, caller, "tenant.created", "tenant", tenant.id, null, tenant.auditSummary()))
                .call(() -> audit.record(tenant.id, caller, "member.added", "member", owner.id, null, owner.auditSummary()))
                .call(() -> outbox.append(revision -> TenantTranslator.translate(tenant.id, revision)))
                .call(tenants::flush)
                .map(ignored -> TenantView.of(tenant, Role.OWNER));
    }

    /** The tenants the caller belongs to; an access token sees only its own tenant. */
    @WithSession
    public Uni<Page<TenantView>> list(Caller caller, PageRequest page) {
        return switch (caller) {
            case Caller.AccessToken token -> tenants.findById(token.tenantId()).map(tenant -> Page.of(
                    tenant == null || page.after() != null ? List.<Tenant>of() : List.of(tenant), page,
                    t -> t.id, t -> TenantView.of(t, token.role())));
            case Caller.Platform platform -> Uni.createFrom().item(Page.of(List.<Tenant>of(), page, t -> t.id,
                    t -> TenantView.of(t, null)));
            case Caller.Person person -> members.pageOfSubject(person.subject(), page).chain(memberships -> {
                Map<UUID, Role> roles = memberships.stream().collect(Collectors.toMap(m -> m.tenantId, m -> m.role));
                return tenants.findByIds(roles.keySet()).map(found -> {
                    Map<UUID, Tenant> byId = found.stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
                    List<Member> present = memberships.stream().filter(m -> byId.containsKey(m.tenantId)).toList();
                    return Page.of(present, page, m -> m.tenantId, m -> TenantView.of(byId.get(m.tenantId), m.role));
                });
            });
        };
    }

    @WithSession
    public Uni<TenantView> get(TenantAccess access) {
        return tenants.findById(access.tenantId()).chain(tenant -> {
            if (tenant == null) {
                throw ProblemException.notFound("No such tenant.");
            }
            return planLimits.findById(tenant.id).map(limit -> TenantView.of(tenant, access.role(), limit));
        });
    }

    @WithTransaction
    public Uni<TenantView> update(TenantAccess access, String ifMatch, TenantRequests.UpdateTenant request) {
        return tenants.findById(access.tenantId()).chain(tenant -> {
            if (tenant == null) {
                throw ProblemException.notFound("No such tenant.");
            }
            ETags.check(ifMatch, tenant.version);
            Map<String, Object> before = new HashMap<>(tenant.auditSummary());
            tenant.name = request.name().strip();
            return audit.record(tenant.id, access.caller(), "tenant.updated", "tenant", tenant.id, before, tenant.auditSummary())
                    .call(tenants::flush)
                    .map(ignored -> TenantView.of(tenant, access.role()));
        });
    }
}
