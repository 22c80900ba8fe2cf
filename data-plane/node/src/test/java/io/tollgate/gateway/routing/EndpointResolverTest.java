package io.tollgate.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tollgate.contract.v1.ConfigRecord;
import io.tollgate.contract.v1.DomainConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.config.GatewaySnapshot;
import io.tollgate.gateway.config.SnapshotCompiler;
import io.tollgate.gateway.config.TestConfigs;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.integration.IntegrationFactory;
import io.tollgate.gateway.policy.PolicyCompiler;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointResolverTest {

    private final EndpointResolver resolver = new EndpointResolver("gw.example.net");

    private static GatewaySnapshot snapshot(ConfigRecord... extra) {
        Map<String, ConfigRecord> records = new HashMap<>();
        for (ConfigRecord record : List.of(
                new TenantConfig("t1", 1, TenantConfig.Status.ACTIVE),
                new TenantConfig("t2", 1, TenantConfig.Status.SUSPENDED),
                TestConfigs.deployment("d1", "t1", "api1", 1, List.of(TestConfigs.mockRoute("GET", "/pets", 200, "ok"))),
                TestConfigs.stage("s1", "t1", "api1", "prod", "d1", 2, Map.of()),
                TestConfigs.stage("s2", "t1", "api1", "dev", "d1", 2, Map.of()),
                TestConfigs.deployment("d2", "t2", "api2", 1, List.of(TestConfigs.mockRoute("GET", "/x", 200, "ok"))),
                TestConfigs.stage("s3", "t2", "api2", "prod", "d2", 2, Map.of()),
                new DomainConfig("dom1", "t1", 3, "api.shop.example", null, List.of(
                        new DomainConfig.BasePathMapping("v1", "api1", "prod"),
                        new DomainConfig.BasePathMapping("v1/beta", "api1", "dev"),
                        new DomainConfig.BasePathMapping("", "api1", "dev"))),
                new DomainConfig("dom2", "t1", 3, "other.shop.example", null, List.of(
                        new DomainConfig.BasePathMapping("v1", "api2", "prod"))))) {
            records.put(record.key(), record);
        }
        for (ConfigRecord record : extra) {
            records.put(record.key(), record);
        }
        return new SnapshotCompiler(new IntegrationFactory(null, null, null, 1024), new PolicyCompiler(List.of()), null).compile(records, 3, Instant.now(),
                GatewaySnapshot.Source.KAFKA, (key, problem) -> { });
    }

    @Test
    void default_endpoint_takes_the_stage_from_the_first_segment() {
        EndpointResolver.Resolved resolved = assertInstanceOf(EndpointResolver.Resolved.class,
                resolver.resolve(snapshot(), "API1.gw.example.net:8443", "/prod/pets/42"));
        assertEquals("prod", resolved.stage().config().name());
        assertEquals("/pets/42", resolved.routePath());
        assertEquals("/", ((EndpointResolver.Resolved) resolver.resolve(snapshot(), "api1.gw.example.net", "/dev")).routePath());
    }

    @Test
    void unknown_api_and_unknown_stage_are_distinct_errors() {
        assertEquals(GatewayError.UNKNOWN_HOST, failure(resolver.resolve(snapshot(), "nope.gw.example.net", "/prod/pets")));
        assertEquals(GatewayError.UNKNOWN_HOST, failure(resolver.resolve(snapshot(), "a.api1.gw.example.net", "/prod/pets")));
        assertEquals(GatewayError.STAGE_NOT_FOUND, failure(resolver.resolve(snapshot(), "api1.gw.example.net", "/staging/pets")));
    }

    @Test
    void custom_domain_uses_the_longest_matching_base_path() {
        EndpointResolver.Resolved beta = assertInstanceOf(EndpointResolver.Resolved.class,
                resolver.resolve(snapshot(), "api.shop.example", "/v1/beta/pets"));
        assertEquals("dev", beta.stage().config().name());
        assertEquals("/pets", beta.routePath());
        EndpointResolver.Resolved v1 = (EndpointResolver.Resolved) resolver.resolve(snapshot(), "api.shop.example", "/v1/pets");
        assertEquals("prod", v1.stage().config().name());
        // "v1betax" is not under "v1": falls to the root mapping
        EndpointResolver.Resolved root = (EndpointResolver.Resolved) resolver.resolve(snapshot(), "api.shop.example", "/v1betax/pets");
        assertEquals("dev", root.stage().config().name());
        assertEquals("/v1betax/pets", root.routePath());
    }

    @Test
    void a_domain_cannot_map_another_tenants_api() {
        assertEquals(GatewayError.STAGE_NOT_FOUND, failure(resolver.resolve(snapshot(), "other.shop.example", "/v1/x")));
    }

    @Test
    void suspended_tenants_are_refused() {
        assertEquals(GatewayError.TENANT_SUSPENDED, failure(resolver.resolve(snapshot(), "api2.gw.example.net", "/prod/x")));
    }

    @Test
    void a_tenant_whose_plan_limit_is_used_up_is_refused_until_the_period_ends() {
        Instant resetsAt = Instant.now().plusSeconds(3600);
        GatewaySnapshot limited = snapshot(new TenantConfig("t1", 5, TenantConfig.Status.ACTIVE,
                new TenantConfig.PlanLimit("FREE", "MONTHLY_REQUESTS", 1_000_000, "2026-12", Instant.now(), resetsAt)));
        EndpointResolver.Failed failed = assertInstanceOf(EndpointResolver.Failed.class,
                resolver.resolve(limited, "api1.gw.example.net", "/prod/pets"));
        assertEquals(GatewayError.TENANT_LIMIT_EXCEEDED, failed.error());
        long retryAfter = Long.parseLong(failed.headers().get("retry-after"));
        assertEquals(true, retryAfter > 3590 && retryAfter <= 3600, "retry-after " + retryAfter);
        // the same API through its custom domain, too; another tenant is untouched
        assertEquals(GatewayError.TENANT_LIMIT_EXCEEDED, failure(resolver.resolve(limited, "api.shop.example", "/v1/pets")));
        assertEquals(GatewayError.TENANT_SUSPENDED, failure(resolver.resolve(limited, "api2.gw.example.net", "/prod/x")));
        // lifted: traffic flows again
        assertInstanceOf(EndpointResolver.Resolved.class, resolver.resolve(snapshot(new TenantConfig("t1", 6,
                TenantConfig.Status.ACTIVE)), "api1.gw.example.net", "/prod/pets"));
        // its period over (the lift not there yet): traffic flows too
        assertInstanceOf(EndpointResolver.Resolved.class, resolver.resolve(snapshot(new TenantConfig("t1", 7,
                TenantConfig.Status.ACTIVE, new TenantConfig.PlanLimit("FREE", "MONTHLY_REQUESTS", 1_000_000, "2026-11",
                        Instant.now().minusSeconds(86_400), Instant.now().minusSeconds(1)))), "api1.gw.example.net", "/prod/pets"));
    }

    @Test
    void hosts_that_are_no_endpoint_are_left_to_the_node() {
        assertInstanceOf(EndpointResolver.NotAnEndpoint.class, resolver.resolve(snapshot(), "127.0.0.1:8000", "/q/health"));
        assertInstanceOf(EndpointResolver.NotAnEndpoint.class, resolver.resolve(snapshot(), null, "/q/health"));
    }

    @Test
    void strips_ports_from_host_names_and_ipv6_literals() {
        assertEquals("example.com", EndpointResolver.hostWithoutPort("Example.COM:80"));
        assertEquals("[::1]", EndpointResolver.hostWithoutPort("[::1]:8000"));
    }

    private static GatewayError failure(EndpointResolver.Resolution resolution) {
        return assertInstanceOf(EndpointResolver.Failed.class, resolution).error();
    }
}
