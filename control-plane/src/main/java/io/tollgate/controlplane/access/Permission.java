package io.tollgate.controlplane.access;

/**
 * What an operation under {@code /v1/tenants/{tenantId}} needs, and the least role that grants it.
 * The one table of who may do what; finer rules about whom (owners, the last owner) live with the
 * feature they protect.
 */
public enum Permission {
    TENANT_READ(Role.VIEWER),
    /** Renaming the organization. */
    TENANT_WRITE(Role.ADMIN),
    MEMBERS_READ(Role.VIEWER),
    /** Inviting, changing roles, removing; owners are further protected by the membership rules. */
    MEMBERS_WRITE(Role.ADMIN),
    /** Token metadata names the automation around a tenant: admins only. */
    ACCESS_TOKENS_READ(Role.ADMIN),
    ACCESS_TOKENS_WRITE(Role.ADMIN),
    AUDIT_READ(Role.VIEWER),
    APIS_READ(Role.VIEWER),
    /** Developers manage APIs, routes, stages, keys and custom domains, but not people. */
    APIS_WRITE(Role.DEVELOPER);

    private final Role minimumRole;

    Permission(Role minimumRole) {
        this.minimumRole = minimumRole;
    }

    public Role minimumRole() {
        return minimumRole;
    }
}
