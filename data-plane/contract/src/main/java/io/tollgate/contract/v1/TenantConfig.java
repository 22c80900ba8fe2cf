package io.tollgate.contract.v1;

import java.time.Instant;

/**
 * A tenant as the gateway sees it: a suspended tenant's APIs answer a documented error, and so do the
 * APIs of a tenant that used up a hard limit of its price plan ({@code planLimit}, null when none).
 */
public record TenantConfig(String id, long revision, Status status, PlanLimit planLimit) implements ConfigRecord {

    public enum Status { ACTIVE, SUSPENDED }

    /**
     * A hard limit of the tenant's price plan, reached in a billing period: the gateway refuses the
     * tenant's traffic until the control plane lifts the restriction (new period, plan change).
     *
     * @param plan      the price plan whose limit was reached, e.g. {@code FREE}
     * @param limit     which limit, e.g. {@code MONTHLY_REQUESTS}
     * @param allowance the limit's value (requests per period for {@code MONTHLY_REQUESTS})
     * @param period    the billing period, {@code YYYY-MM} (UTC month)
     * @param since     when the limit was found reached
     * @param resetsAt  when the period ends (the next one begins afresh): the gateway's Retry-After
     */
    public record PlanLimit(String plan, String limit, long allowance, String period, Instant since, Instant resetsAt) {

        public PlanLimit {
            Check.required(plan, "planLimit.plan");
            Check.required(limit, "planLimit.limit");
            Check.atLeast(allowance, 0, "planLimit.allowance");
            Check.required(period, "planLimit.period");
            Check.present(since, "planLimit.since");
            Check.present(resetsAt, "planLimit.resetsAt");
        }
    }

    public TenantConfig {
        Check.required(id, "id");
        Check.present(status, "status");
    }

    /** A tenant without a plan restriction. */
    public TenantConfig(String id, long revision, Status status) {
        this(id, revision, status, null);
    }

    @Override
    public String tenantId() {
        return id;
    }

    @Override
    public ConfigKind kind() {
        return ConfigKind.TENANT;
    }
}
