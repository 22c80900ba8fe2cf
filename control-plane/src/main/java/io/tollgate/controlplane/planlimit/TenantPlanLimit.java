package io.tollgate.controlplane.planlimit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tollgate.contract.v1.TenantConfig;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A hard limit of the tenant's price plan, used up in a billing period: the tenant's traffic is refused while it stands. */
@Entity
@Table(name = "tenant_plan_limit")
public class TenantPlanLimit extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(nullable = false)
    public String plan;

    @Column(name = "limit_kind", nullable = false)
    public String limitKind;

    @Column(nullable = false)
    public long allowance;

    /** YYYY-MM, a UTC month. */
    @Column(nullable = false)
    public String period;

    @Column(nullable = false)
    public Instant since;

    @Column(name = "resets_at", nullable = false)
    public Instant resetsAt;

    /** As the gateway receives it in the tenant's configuration record. */
    public TenantConfig.PlanLimit toConfig() {
        return new TenantConfig.PlanLimit(plan, limitKind, allowance, period, since, resetsAt);
    }

    Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("plan", plan);
        summary.put("limit", limitKind);
        summary.put("allowance", allowance);
        summary.put("period", period);
        summary.put("since", since.toString());
        summary.put("resetsAt", resetsAt.toString());
        return summary;
    }
}
