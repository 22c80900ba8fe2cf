package io.tollgate.contract.v1;

import io.tollgate.contract.v1.StageConfig.ThrottleConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One valid record of each kind, for codec and validation tests. */
final class Samples {

    private Samples() {
    }

    static DeploymentConfig deployment() {
        return new DeploymentConfig("dep-1", "t-1", 7, "api-1", 3, DeploymentConfig.ApiKind.REST,
                DeploymentConfig.ApiKeySource.HEADER,
                List.of(
                        new RouteConfig("r-1", "GET", "/pets/{id}",
                                new AuthorizationConfig(AuthorizationConfig.Type.JWT, "auth-1", List.of("pets:read"), true),
                                new IntegrationConfig.HttpProxy("http://upstream/pets/{id}?v=${stageVariables.version}",
                                        List.of(new IntegrationConfig.Target("http://a:8080", 3), new IntegrationConfig.Target("http://b:8080", 1)),
                                        IntegrationConfig.LoadBalancing.LEAST_OUTSTANDING_REQUESTS,
                                        new IntegrationConfig.HealthCheck("/health", 10, 500, 2, 3), 5000),
                                null),
                        new RouteConfig("r-2", "POST", "/pets", AuthorizationConfig.NONE,
                                new IntegrationConfig.Mock(201, Map.of("content-type", "application/json"), "{\"ok\":true}"),
                                new ValidationConfig("Pet", List.of("dryRun"), List.of("x-request"))),
                        new RouteConfig("r-3", "ANY", "/{proxy+}", null,
                                new IntegrationConfig.Function("http://fn/invoke", "1.0", 0), null)),
                List.of(new AuthorizerConfig.Jwt("auth-1", "keycloak", "http://kc/realms/x", List.of("api"), "http://kc/certs"),
                        new AuthorizerConfig.Request("auth-2", "custom", "http://authz/check", List.of("$request.header.Authorization"), 60)),
                Map.of("Pet", "{\"type\":\"object\",\"required\":[\"name\"]}"),
                new CorsConfig(List.of("https://app.example.com"), List.of("GET", "POST"), List.of("content-type"), List.of(), true, 600),
                Map.of("THROTTLED", new GatewayResponseConfig(503, Map.of("retry-after", "5"), "{\"error\":\"slow down\"}")));
    }

    static List<ConfigRecord> oneOfEach() {
        return List.of(
                new TenantConfig("t-1", 1, TenantConfig.Status.ACTIVE),
                new TenantConfig("t-2", 2, TenantConfig.Status.ACTIVE, new TenantConfig.PlanLimit("FREE", "MONTHLY_REQUESTS",
                        1_000_000, "2026-12", java.time.Instant.parse("2026-12-20T10:15:30Z"),
                        java.time.Instant.parse("2027-01-01T00:00:00Z"))),
                deployment(),
                new StageConfig("st-1", "t-1", 8, "api-1", "prod", "dep-1", Map.of("version", "2"),
                        new ThrottleConfig(100, 200), Map.of("GET /pets/{id}", new ThrottleConfig(10, 20)),
                        new StageConfig.CacheConfig(true, 0, List.of("method.request.querystring.page")), true,
                        new StageConfig.CanaryConfig(10, "dep-2", Map.of())),
                new ApiKeyConfig("k-1", "t-1", 9, "a".repeat(64), true, Instant.parse("2027-01-01T00:00:00Z"), List.of("p-1")),
                new UsagePlanConfig("p-1", "t-1", 10, new ThrottleConfig(50, 100),
                        new UsagePlanConfig.QuotaConfig(10_000, UsagePlanConfig.QuotaPeriod.MONTH),
                        List.of(new UsagePlanConfig.PlanStage("api-1", "prod", null))),
                new DomainConfig("d-1", "t-1", 11, "API.Example.com",
                        new DomainConfig.Certificate("-----BEGIN CERTIFICATE-----\n…", "c2VhbGVk"),
                        List.of(new DomainConfig.BasePathMapping("/v1/", "api-1", "prod"),
                                new DomainConfig.BasePathMapping("", "api-1", "dev"))));
    }
}
