package io.tollgate.gateway;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tollgate.contract.v1.AccessEvent;
import io.tollgate.contract.v1.ApiKeyConfig;
import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.AuthorizerConfig;
import io.tollgate.contract.v1.CorsConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.DomainConfig;
import io.tollgate.contract.v1.GatewayResponseConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.contract.v1.ValidationConfig;

/**
 * The contract records Jackson binds when the node reads its configuration and writes access events: registered for
 * reflection (with their nested records and enums) so that a native build reads them too.
 */
@RegisterForReflection(targets = {
        TenantConfig.class, TenantConfig.PlanLimit.class, DeploymentConfig.class, RouteConfig.class, AuthorizationConfig.class,
        IntegrationConfig.class, IntegrationConfig.HttpProxy.class, IntegrationConfig.Http.class,
        IntegrationConfig.Mock.class, IntegrationConfig.Function.class, IntegrationConfig.Target.class,
        IntegrationConfig.HealthCheck.class, IntegrationConfig.LoadBalancing.class,
        AuthorizerConfig.class, AuthorizerConfig.Jwt.class, AuthorizerConfig.Request.class,
        CorsConfig.class, ValidationConfig.class, GatewayResponseConfig.class,
        StageConfig.class, StageConfig.ThrottleConfig.class, StageConfig.CacheConfig.class, StageConfig.CanaryConfig.class,
        ApiKeyConfig.class, UsagePlanConfig.class, UsagePlanConfig.QuotaConfig.class, UsagePlanConfig.PlanStage.class,
        UsagePlanConfig.QuotaPeriod.class, DomainConfig.class, DomainConfig.BasePathMapping.class, DomainConfig.Certificate.class,
        AccessEvent.class})
final class NativeReflection {

    private NativeReflection() {
    }
}
