package io.tollgate.controlplane.access;

import jakarta.enterprise.context.RequestScoped;

/** The tenant access {@link TenantAccessFilter} granted to this request, for the resource to pass on. */
@RequestScoped
public class CurrentAccess {

    private TenantAccess access;

    void set(TenantAccess access) {
        this.access = access;
    }

    public TenantAccess get() {
        if (access == null) {
            throw new IllegalStateException("no tenant access was granted: is the operation annotated with @RequiresPermission?");
        }
        return access;
    }
}
