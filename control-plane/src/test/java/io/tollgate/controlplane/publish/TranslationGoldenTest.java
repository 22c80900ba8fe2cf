package io.tollgate.controlplane.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollgate.contract.v1.ConfigCodec;
import io.tollgate.contract.v1.ConfigRecord;
import io.tollgate.controlplane.api.ApiSpec;
import io.tollgate.controlplane.apikey.ApiKey;
import io.tollgate.controlplane.apikey.ApiKeyRules;
import io.tollgate.controlplane.apikey.ApiKeySecrets;
import io.tollgate.controlplane.authorizer.AuthorizerSpec;
import io.tollgate.controlplane.deployment.ApiSnapshot;
import io.tollgate.controlplane.domain.BasePathMapping;
import io.tollgate.controlplane.domain.CustomDomain;
import io.tollgate.controlplane.deployment.Deployment;
import io.tollgate.controlplane.route.RouteSpec;
import io.tollgate.controlplane.stage.Stage;
import io.tollgate.controlplane.stage.StageSpec;
import io.tollgate.controlplane.usageplan.UsagePlan;
import io.tollgate.controlplane.usageplan.UsagePlanSpec;
import io.tollgate.controlplane.web.JsonDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pins the translation of control-plane entities to the data plane's contract records with golden
 * files in src/test/resources/golden. After a deliberate change of the translation or the contract,
 * regenerate them with
 * {@code ./mvnw -o -pl control-plane test -Dtest=TranslationGoldenTest -Dgolden.update=true} and review the diff.
 */
class TranslationGoldenTest {

    static final UUID TENANT = UUID.fromString("0190f3a0-0000-7000-8000-000000000001");
    static final UUID API = UUID.fromString("0190f3a0-0000-7000-8000-000000000002");
    static final UUID DEPLOYMENT = UUID.fromString("0190f3a0-0000-7000-8000-000000000003");
    static final UUID CANARY = UUID.fromString("0190f3a0-0000-7000-8000-000000000004");
    static final UUID STAGE = UUID.fromString("0190f3a0-0000-7000-8000-000000000005");
    static final UUID JWT = UUID.fromString("0190f3a0-0000-7000-8000-000000000010");
    static final UUID REQUEST = UUID.fromString("0190f3a0-0000-7000-8000-000000000011");
    static final UUID PLAN = UUID.fromString("0190f3a0-0000-7000-8000-000000000020");
    static final UUID KEY = UUID.fromString("0190f3a0-0000-7000-8000-000000000021");
    static final UUID DOMAIN = UUID.fromString("0190f3a0-0000-7000-8000-000000000030");

    @Test
    void a_tenant_is_published_active() throws Exception {
        assertGolden("tenant.json", TenantTranslator.translate(TENANT, 7));
    }

    @Test
    void a_deployment_with_every_integration_and_authorization_kind_matches_the_golden_file() throws Exception {
        assertGolden("deployment.json", DeploymentTranslator.translate(deployment(), 42));
    }

    @Test
    void a_stage_with_throttles_cache_and_canary_matches_the_golden_file() throws Exception {
        Stage stage = new Stage();
        stage.id = STAGE;
        stage.tenantId = TENANT;
        stage.apiId = API;
        stage.name = "prod";
        stage.cacheGeneration = 3; // flushed three times
        stage.apply(new StageSpec(DEPLOYMENT.toString(), Map.of("host", "backend.internal", "region", "eu"),
                new StageSpec.Throttle(100.0, 200), Map.of("GET /pets/{id}", new StageSpec.Throttle(10.5, 20)),
                new StageSpec.Cache(true, 300, List.of("method.request.querystring.page")), true,
                new StageSpec.Canary(12.5, CANARY.toString(), Map.of("host", "canary.internal"))));
        assertGolden("stage.json", StageTranslator.translate(stage, 43));
    }

    @Test
    void a_minimal_stage_gets_the_contract_defaults() throws Exception {
        Stage stage = new Stage();
        stage.id = STAGE;
        stage.tenantId = TENANT;
        stage.apiId = API;
        stage.name = "dev";
        stage.apply(StageSpec.pointingAt(DEPLOYMENT.toString()));
        assertGolden("stage-minimal.json", StageTranslator.translate(stage, 44));
    }

    @Test
    void a_usage_plan_with_throttles_quota_and_stages_matches_the_golden_file() throws Exception {
        UsagePlan plan = new UsagePlan();
        plan.id = PLAN;
        plan.tenantId = TENANT;
        plan.apply(new UsagePlanSpec("Gold", "For partners", new UsagePlanSpec.Throttle(100.0, 200),
                new UsagePlanSpec.Quota(50_000L, "MONTH"),
                List.of(new UsagePlanSpec.PlanStage(API.toString(), "prod", new UsagePlanSpec.Throttle(10.5, 20)),
                        new UsagePlanSpec.PlanStage(API.toString(), "dev", null))));
        assertGolden("usage-plan.json", UsagePlanTranslator.translate(plan, 45));
    }

    @Test
    void an_api_key_is_published_as_the_hash_of_its_value_with_expiry_and_plans() throws Exception {
        ApiKey key = new ApiKey();
        key.id = KEY;
        key.tenantId = TENANT;
        key.visiblePrefix = "tgk_abcdefgh";
        // SHA-256 of "tgk_golden-test-value"; the value itself never leaves the request that created it.
        key.sha256 = ApiKeySecrets.sha256("tgk_golden-test-value");
        key.apply(new ApiKeyRules.Settings("partner", false, Instant.parse("2027-01-31T23:59:59Z"), List.of(PLAN.toString())));
        assertGolden("api-key.json", ApiKeyTranslator.translate(key, 46));
    }

    @Test
    void a_verified_domain_carries_its_chain_the_sealed_key_as_stored_and_its_mappings_by_base_path() throws Exception {
        CustomDomain domain = new CustomDomain();
        domain.id = DOMAIN;
        domain.tenantId = TENANT;
        domain.hostname = "api.example.test";
        domain.status = CustomDomain.Status.VERIFIED;
        // Stored values are published unchanged: the translation neither parses the chain nor opens the key.
        domain.certificateChain = "-----BEGIN CERTIFICATE-----\nMIIBleaf\n-----END CERTIFICATE-----\n"
                + "-----BEGIN CERTIFICATE-----\nMIIBintermediate\n-----END CERTIFICATE-----\n";
        domain.sealedPrivateKey = "c2VhbGVkLWtleS1hcy1zdG9yZWQ=";
        List<BasePathMapping> mappings = List.of(mapping(41, "v2", "prod"), mapping(42, "", "prod"), mapping(43, "v1/beta", "dev"));
        assertGolden("domain.json", DomainTranslator.translate(domain, mappings, 47));
    }

    @Test
    void a_verified_domain_without_certificate_is_published_for_plain_http() throws Exception {
        CustomDomain domain = new CustomDomain();
        domain.id = DOMAIN;
        domain.tenantId = TENANT;
        domain.hostname = "plain.example.test";
        domain.status = CustomDomain.Status.VERIFIED;
        assertGolden("domain-without-certificate.json", DomainTranslator.translate(domain, List.of(), 48));
    }

    @Test
    void a_pending_domain_is_never_translated() {
        CustomDomain domain = new CustomDomain();
        domain.id = DOMAIN;
        domain.tenantId = TENANT;
        domain.hostname = "pending.example.test";
        domain.status = CustomDomain.Status.PENDING_VERIFICATION;
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DomainTranslator.translate(domain, List.of(), 49));
    }

    private static BasePathMapping mapping(int n, String basePath, String stage) {
        BasePathMapping mapping = new BasePathMapping();
        mapping.id = UUID.fromString("0190f3a0-0000-7000-8000-0000000000" + n);
        mapping.tenantId = TENANT;
        mapping.domainId = DOMAIN;
        mapping.basePath = basePath;
        mapping.apiId = API;
        mapping.stage = stage;
        return mapping;
    }

    static Deployment deployment() {
        ObjectNode pet = JsonNodeFactory.instance.objectNode().put("type", "object");
        pet.putArray("required").add("name");
        ApiSpec api = new ApiSpec("Pets", "The pet store", "REST", "HEADER",
                new ApiSpec.Cors(List.of("https://app.example.test"), List.of("GET", "POST"), List.of("Authorization"),
                        List.of("x-request-id"), true, 600),
                Map.of("THROTTLED", new ApiSpec.GatewayResponse(429, Map.of("Retry-After", "1"), "{\"message\":\"slow down\"}")),
                Map.<String, JsonNode>of("Pet", pet));
        List<ApiSnapshot.AuthorizerEntry> authorizers = List.of(
                new ApiSnapshot.AuthorizerEntry(JWT, new AuthorizerSpec("keycloak", "JWT", "https://id.example.test/realms/pets",
                        List.of("pets-api"), "https://id.example.test/realms/pets/certs", null, null, null,
                        "$request.querystring.access_token", 30)),
                new ApiSnapshot.AuthorizerEntry(REQUEST, new AuthorizerSpec("custom", "REQUEST", null, null, null,
                        "https://auth.example.test/check", List.of("$request.header.Authorization"), 60, null, null)));
        List<ApiSnapshot.RouteEntry> routes = List.of(
                route(21, new RouteSpec("GET", "/pets/{id}", new RouteSpec.Authorization("JWT", JWT.toString(), List.of("pets:read"), false),
                        new RouteSpec.Integration("HTTP_PROXY", "http://${stageVariables.host}/pets/{id}",
                                List.of(new RouteSpec.Target("http://10.0.0.1:8080", 3), new RouteSpec.Target("http://10.0.0.2:8080", 1)),
                                "LEAST_OUTSTANDING_REQUESTS", new RouteSpec.HealthCheck("/health", 10, 500, 2, 3), 5000,
                                null, null, null, null, null, null, null, null, null), null)),
                route(22, new RouteSpec("POST", "/pets", new RouteSpec.Authorization("API_KEY", null, List.of(), true),
                        new RouteSpec.Integration("HTTP", "https://backend.example.test/pets", null, null, null, 29000, "PUT",
                                Map.of("integration.request.header.x-tenant", "'acme'"),
                                Map.of("application/json", "{\"pet\": $input.json('$')}"),
                                Map.of("method.response.header.x-id", "integration.response.header.id"),
                                Map.of("application/json", "{\"id\": \"$input.path('$.id')\"}"),
                                null, null, null, null),
                        new RouteSpec.Validation("Pet", List.of("dryRun"), List.of("x-request-id")))),
                route(23, new RouteSpec("GET", "/health", null, RouteSpec.Integration.mock(200, "ok"), null)),
                route(24, new RouteSpec("ANY", "/fn/{proxy+}", new RouteSpec.Authorization("REQUEST", REQUEST.toString(), List.of(), false),
                        new RouteSpec.Integration("FUNCTION", "https://fn.example.test/invoke", null, null, null, 29000, null, null,
                                null, null, null, null, null, null, "1.0"), null)));
        Deployment deployment = new Deployment();
        deployment.id = DEPLOYMENT;
        deployment.tenantId = TENANT;
        deployment.apiId = API;
        deployment.number = 3;
        deployment.createdAt = Instant.parse("2026-11-24T10:15:30Z");
        deployment.createdBy = "user-1";
        deployment.snapshot = JsonDocs.write(new ApiSnapshot(api, authorizers, routes));
        return deployment;
    }

    private static ApiSnapshot.RouteEntry route(int n, RouteSpec spec) {
        return new ApiSnapshot.RouteEntry(UUID.fromString("0190f3a0-0000-7000-8000-0000000000" + n), spec);
    }

    private static void assertGolden(String name, ConfigRecord record) throws Exception {
        Path golden = Path.of("src/test/resources/golden", name);
        String actual = ConfigCodec.toPrettyJson(record) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        assertEquals(Files.readString(golden), actual, name + " (regenerate with -Dgolden.update=true)");
        // The golden JSON is also what a node decodes: the round trip must give the same record.
        assertEquals(record, ConfigCodec.decode(record.key(), ConfigCodec.encode(record)));
    }
}
