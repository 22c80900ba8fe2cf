package io.tollgate.controlplane.planlimit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class TenantPlanLimitRepository implements PanacheRepositoryBase<TenantPlanLimit, UUID> {
}
