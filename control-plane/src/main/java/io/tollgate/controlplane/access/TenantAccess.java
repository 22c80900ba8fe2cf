package io.tollgate.controlplane.access;

import java.util.UUID;

/** A caller admitted to one tenant, with the role they hold there. */
public record TenantAccess(UUID tenantId, Caller caller, Role role) {
}
