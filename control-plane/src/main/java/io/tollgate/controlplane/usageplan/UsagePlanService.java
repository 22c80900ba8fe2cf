package io.tollgate.controlplane.usageplan;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.contract.v1.ConfigKind;
import io.tollgate.controlplane.access.TenantAccess;
import io.tollgate.controlplane.api.Api;
import io.tollgate.controlplane.api.ApiRepository;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.publish.ConfigOutbox;
import io.tollgate.controlplane.publish.UsagePlanTranslator;
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
import java.util.stream.Collectors;

/** Usage plans of a tenant. Every change also goes to the config outbox, in the same transaction. */
@ApplicationScoped
public class UsagePlanService {

    @Inject
    UsagePlanRepository plans;

    @Inject
    ApiRepository apis;

    @Inject
    ConfigOutbox outbox;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Page<UsagePlanView>> list(TenantAccess access, PageRequest page) {
        return plans.page(access.tenantId(), page).map(rows -> Page.of(rows, page, p -> p.id, UsagePlanView::of));
    }

    @WithSession
    public Uni<UsagePlanView> get(TenantAccess access, UUID planId) {
        return plans.get(access.tenantId(), planId).map(UsagePlanView::of);
    }

    @WithTransaction
    public Uni<UsagePlanView> create(TenantAccess access, UsagePlanSpec request) {
        return checked(access, request).chain(spec -> {
            UsagePlan plan = new UsagePlan();
            plan.id = Ids.newId();
            plan.tenantId = access.tenantId();
            plan.createdAt = Instant.now();
            plan.apply(spec);
            return plans.persist(plan).chain(ignored -> published(access, plan, "usage_plan.created", null));
        });
    }

    @WithTransaction
    public Uni<UsagePlanView> replace(TenantAccess access, UUID planId, String ifMatch, UsagePlanSpec request) {
        return plans.get(access.tenantId(), planId).chain(plan -> {
            ETags.check(ifMatch, plan.version);
            return checked(access, request).chain(spec -> {
                Map<String, Object> before = plan.auditSummary();
                plan.apply(spec);
                return published(access, plan, "usage_plan.updated", before);
            });
        });
    }

    /** A plan that keys still name cannot be deleted: unlink it from them first. */
    @WithTransaction
    public Uni<Void> delete(TenantAccess access, UUID planId, String ifMatch) {
        return plans.lock(access.tenantId(), planId).chain(plan -> {
            ETags.check(ifMatch, plan.version);
            return plans.linkedKeys(access.tenantId(), planId).chain(linked -> {
                if (linked > 0) {
                    throw ProblemException.conflict("The usage plan is linked to " + linked + " API key(s); "
                            + "remove it from their usagePlanIds first.");
                }
                return plans.delete(plan)
                        .call(() -> outbox.tombstone(ConfigKind.USAGE_PLAN, plan.id))
                        .call(() -> audit.record(access.tenantId(), access.caller(), "usage_plan.deleted", "usage_plan",
                                plan.id, plan.auditSummary(), null));
            });
        });
    }

    private Uni<UsagePlanView> published(TenantAccess access, UsagePlan plan, String action, Map<String, Object> before) {
        return plans.flush()
                .call(() -> outbox.append(revision -> UsagePlanTranslator.translate(plan, revision)))
                .call(() -> audit.record(access.tenantId(), access.caller(), action, "usage_plan", plan.id, before,
                        plan.auditSummary()))
                .call(plans::flush)
                .map(ignored -> UsagePlanView.of(plan));
    }

    /** Looks up which of the named APIs are the tenant's, then checks every field at once. */
    private Uni<UsagePlanSpec> checked(TenantAccess access, UsagePlanSpec request) {
        Set<UUID> named = UsagePlanRules.apiIds(request);
        Uni<Set<UUID>> found = named.isEmpty() ? Uni.createFrom().item(Set.of())
                : apis.find("tenantId = ?1 and id in ?2", access.tenantId(), named).list()
                        .map(rows -> rows.stream().map((Api api) -> api.id).collect(Collectors.toSet()));
        return found.map(tenantApis -> UsagePlanRules.check(request, tenantApis));
    }
}
