package io.tollgate.contract.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

    private static final IntegrationConfig MOCK = new IntegrationConfig.Mock(200, Map.of(), "");

    @Test
    void greedy_segment_must_come_last() {
        assertThrows(IllegalArgumentException.class, () -> new RouteConfig("r", "GET", "/{proxy+}/x", null, MOCK, null));
    }

    @Test
    void rejects_malformed_paths_and_unknown_methods() {
        assertThrows(IllegalArgumentException.class, () -> new RouteConfig("r", "GET", "pets", null, MOCK, null));
        assertThrows(IllegalArgumentException.class, () -> new RouteConfig("r", "GET", "/pets//x", null, MOCK, null));
        assertThrows(IllegalArgumentException.class, () -> new RouteConfig("r", "GET", "/pets/{id", null, MOCK, null));
        assertThrows(IllegalArgumentException.class, () -> new RouteConfig("r", "FETCH", "/pets", null, MOCK, null));
    }

    @Test
    void method_is_normalized_and_authorization_defaults_to_none() {
        RouteConfig route = new RouteConfig("r", "get", "/", null, MOCK, null);
        assertEquals("GET", route.method());
        assertEquals(AuthorizationConfig.Type.NONE, route.authorization().type());
    }

    @Test
    void integration_timeout_defaults_to_29_s_and_stays_within_50_ms_and_29_s() {
        assertEquals(29_000, new IntegrationConfig.HttpProxy("http://u", null, null, null, 0).timeoutMillis());
        assertThrows(IllegalArgumentException.class, () -> new IntegrationConfig.HttpProxy("http://u", null, null, null, 49));
        assertThrows(IllegalArgumentException.class, () -> new IntegrationConfig.HttpProxy("http://u", null, null, null, 29_001));
    }

    @Test
    void a_deployment_rejects_duplicate_routes_and_dangling_references() {
        RouteConfig a = new RouteConfig("a", "GET", "/x", null, MOCK, null);
        RouteConfig b = new RouteConfig("b", "GET", "/x", null, MOCK, null);
        assertThrows(IllegalArgumentException.class, () -> deployment(List.of(a, b), List.of(), Map.of()));
        RouteConfig jwt = new RouteConfig("c", "GET", "/y",
                new AuthorizationConfig(AuthorizationConfig.Type.JWT, "missing", List.of(), false), MOCK, null);
        assertThrows(IllegalArgumentException.class, () -> deployment(List.of(jwt), List.of(), Map.of()));
        RouteConfig validated = new RouteConfig("d", "POST", "/z", null, MOCK, new ValidationConfig("Nope", null, null));
        assertThrows(IllegalArgumentException.class, () -> deployment(List.of(validated), List.of(), Map.of()));
    }

    @Test
    void api_key_authorization_implies_a_required_key() {
        assertTrue(new AuthorizationConfig(AuthorizationConfig.Type.API_KEY, null, null, false).apiKeyRequired());
    }

    @Test
    void cache_ttl_defaults_to_300_s_and_is_capped_at_an_hour() {
        assertEquals(300, new StageConfig.CacheConfig(true, 0, null).ttlSeconds());
        assertThrows(IllegalArgumentException.class, () -> new StageConfig.CacheConfig(true, 3601, null));
    }

    @Test
    void cors_refuses_credentials_with_any_origin() {
        assertThrows(IllegalArgumentException.class,
                () -> new CorsConfig(List.of("*"), List.of(), List.of(), List.of(), true, 0));
    }

    @Test
    void domains_are_lower_cased_and_base_paths_unique() {
        DomainConfig domain = new DomainConfig("d", "t", 1, "Api.Example.COM", null,
                List.of(new DomainConfig.BasePathMapping("/v1/", "a", "prod")));
        assertEquals("api.example.com", domain.hostname());
        assertEquals("v1", domain.mappings().getFirst().basePath());
        assertThrows(IllegalArgumentException.class, () -> new DomainConfig("d", "t", 1, "api.example.com", null,
                List.of(new DomainConfig.BasePathMapping("v1", "a", "prod"), new DomainConfig.BasePathMapping("/v1", "b", "dev"))));
        assertThrows(IllegalArgumentException.class, () -> new DomainConfig("d", "t", 1, "bad_host", null, List.of()));
    }

    private static DeploymentConfig deployment(List<RouteConfig> routes, List<AuthorizerConfig> authorizers, Map<String, String> models) {
        return new DeploymentConfig("dep", "t", 1, "api", 1, DeploymentConfig.ApiKind.REST, null, routes, authorizers,
                models, null, null);
    }
}
