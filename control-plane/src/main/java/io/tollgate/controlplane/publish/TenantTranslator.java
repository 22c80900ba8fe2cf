package io.tollgate.controlplane.publish;

import io.tollgate.contract.v1.TenantConfig;
import java.util.UUID;

/**
 * A tenant as the gateway sees it. Tenants are ACTIVE until suspension exists in the control plane;
 * a used-up plan limit travels with the record, and the gateway refuses the tenant's traffic while it does.
 */
public final class TenantTranslator {

    private TenantTranslator() {
    }

    public static TenantConfig translate(UUID tenantId, long revision) {
        return translate(tenantId, revision, null);
    }

    /** @param planLimit the tenant's used-up plan limit, or null when there is none */
    public static TenantConfig translate(UUID tenantId, long revision, TenantConfig.PlanLimit planLimit) {
        return new TenantConfig(tenantId.toString(), revision, TenantConfig.Status.ACTIVE, planLimit);
    }
}
