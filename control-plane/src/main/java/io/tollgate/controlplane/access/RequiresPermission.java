package io.tollgate.controlplane.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what an operation under {@code /v1/tenants/{tenantId}} needs; {@link TenantAccessFilter}
 * enforces it before the resource method runs. Such an operation without it is refused (fail closed).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresPermission {
    Permission value();
}
