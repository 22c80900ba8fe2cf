package io.tollgate.controlplane.publish;

import io.tollgate.contract.v1.TenantConfig;
import java.util.UUID;

/** A tenant as the gateway sees it. Tenants are ACTIVE until suspension exists in the control plane. */
public final class TenantTranslator {

    private TenantTranslator() {
    }

    public static TenantConfig translate(UUID tenantId, long revision) {
        return new TenantConfig(tenantId.toString(), revision, TenantConfig.Status.ACTIVE);
    }
}
