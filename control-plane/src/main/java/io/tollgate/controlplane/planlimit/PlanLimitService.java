package io.tollgate.controlplane.planlimit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.audit.AuditLog;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.publish.ConfigOutbox;
import io.tollgate.controlplane.publish.TenantTranslator;
import io.tollgate.controlplane.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Records and lifts a tenant's used-up plan limit, as analytics reports it. Each change is audited and
 * published (the tenant's configuration record) in the transaction that makes it, like every other
 * configuration change. Reports are idempotent: analytics repeats one until it has seen it succeed, so a
 * report that changes nothing writes nothing, and a report about an older period than the one recorded
 * (late, reordered) is ignored rather than undoing a newer one.
 */
@ApplicationScoped
public class PlanLimitService {

    @Inject
    TenantRepository tenants;

    @Inject
    TenantPlanLimitRepository limits;

    @Inject
    AuditLog audit;

    @Inject
    ConfigOutbox outbox;

    @WithSession
    public Uni<TenantPlanLimit> current(UUID tenantId) {
        return limits.findById(tenantId);
    }

    /** Records that the tenant reached the limit; answers the limit now recorded. */
    @WithTransaction
    public Uni<TenantPlanLimit> reached(UUID tenantId, Caller actor, PlanLimitRequests.LimitReached report) {
        return lockedTenant(tenantId).chain(() -> limits.findById(tenantId)).chain(existing -> {
            if (existing != null && existing.period.compareTo(report.period()) > 0) {
                return Uni.createFrom().item(existing); // a late report of an earlier period
            }
            if (existing != null && existing.period.equals(report.period()) && existing.plan.equals(report.plan())
                    && existing.limitKind.equals(report.limit()) && existing.allowance == report.allowance()) {
                return Uni.createFrom().item(existing); // already recorded: a repeated report
            }
            Map<String, Object> before = existing == null ? null : existing.auditSummary();
            TenantPlanLimit limit = existing != null ? existing : new TenantPlanLimit();
            boolean samePeriod = existing != null && existing.period.equals(report.period());
            limit.tenantId = tenantId;
            limit.plan = report.plan();
            limit.limitKind = report.limit();
            limit.allowance = report.allowance();
            limit.period = report.period();
            limit.since = samePeriod ? existing.since : report.since() != null ? report.since() : Instant.now();
            limit.resetsAt = report.resetsAt();
            Uni<?> stored = existing != null ? Uni.createFrom().item(limit) : limits.persist(limit);
            return stored
                    .call(() -> audit.record(tenantId, actor, "tenant.plan-limit.reached", "tenant", tenantId, before,
                            limit.auditSummary()))
                    .call(() -> outbox.append(revision -> TenantTranslator.translate(tenantId, revision, limit.toConfig())))
                    .call(limits::flush)
                    .replaceWith(limit);
        });
    }

    /**
     * Lifts the limit recorded for the period; a tenant without one, or limited in another period
     * (a newer limit than the lift is about), stays as it is. Answers whether anything changed.
     */
    @WithTransaction
    public Uni<Boolean> lift(UUID tenantId, Caller actor, String period, PlanLimitRequests.LiftReason reason) {
        return lockedTenant(tenantId).chain(() -> limits.findById(tenantId)).chain(existing -> {
            if (existing == null || !existing.period.equals(period)) {
                return Uni.createFrom().item(false);
            }
            Map<String, Object> before = existing.auditSummary();
            return limits.delete(existing)
                    .call(() -> audit.record(tenantId, actor, "tenant.plan-limit.lifted", "tenant", tenantId, before,
                            Map.of("reason", reason.name())))
                    .call(() -> outbox.append(revision -> TenantTranslator.translate(tenantId, revision, null)))
                    .call(limits::flush)
                    .replaceWith(true);
        });
    }

    /** Serializes reports about one tenant, and answers 404 for a tenant that does not exist. */
    private Uni<Void> lockedTenant(UUID tenantId) {
        return tenants.lock(tenantId).map(tenant -> {
            if (tenant == null) {
                throw ProblemException.notFound("No such tenant.");
            }
            return null;
        });
    }
}
