package io.tollgate.gateway.policy.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.contract.v1.ApiKeyConfig;
import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.gateway.TestPublisher;
import io.tollgate.gateway.config.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The response cache against the real Infinispan and configuration from the real Kafka topic: each
 * test uses its own path (or query), so entries of one test never answer another.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseCacheTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String tenant = "t-" + UUID.randomUUID();
    private final String api = "c" + UUID.randomUUID().toString().substring(0, 8);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private CountingUpstream upstream;
    private TestPublisher publisher;

    @BeforeAll
    void publishACachedApi() throws Exception {
        upstream = new CountingUpstream();
        publisher = new TestPublisher(bootstrapServers);
        String deployment = "d-" + api;
        RouteConfig keyed = new RouteConfig("r-keyed", "GET", "/keyed/{id}",
                new AuthorizationConfig(AuthorizationConfig.Type.API_KEY, null, null, true),
                new IntegrationConfig.HttpProxy(upstream.baseUrl() + "/keyed/{id}", List.of(), null, null, 0), null);
        StageConfig.CacheConfig prodCache = new StageConfig.CacheConfig(true, 60, List.of("method.request.querystring.page",
                "method.request.header.x-tenant-region"),
                Map.of("POST /search", new StageConfig.CacheConfig(true, 60, List.of())),
                List.of("k-admin-" + api), null, null, null);
        StageConfig.CacheConfig strictCache = new StageConfig.CacheConfig(true, 60, List.of(), null, List.of("k-admin-" + api),
                null, true, null);
        publisher.publish(
                new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE),
                TestConfigs.deployment(deployment, tenant, api, 2, List.of(
                        TestConfigs.proxyRoute("ANY", "/items/{id}", upstream.baseUrl() + "/items/{id}", 0),
                        TestConfigs.proxyRoute("POST", "/search", upstream.baseUrl() + "/search", 0),
                        keyed)),
                stage("prod", 3, prodCache),
                stage("strict", 4, strictCache),
                stage("off", 5, null),
                new UsagePlanConfig("p-" + api, tenant, 6, null, null, List.of(new UsagePlanConfig.PlanStage(api, "prod", null),
                        new UsagePlanConfig.PlanStage(api, "strict", null))),
                key("admin"), key("user"));
        awaitServed("/prod/items/ready");
        awaitServed("/strict/items/ready");
        awaitServed("/off/items/ready");
        awaitCacheReady();
    }

    /** The node looks the remote cache up when first needed: until then requests bypass it. */
    private void awaitCacheReady() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!"BYPASS".equals(gateway().get("/prod/items/ready").header(ResponseCachePolicy.STATUS_HEADER))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the response cache was not available within 30 s");
    }

    private StageConfig stage(String name, long revision, StageConfig.CacheConfig cache) {
        return new StageConfig("s-" + name + "-" + api, tenant, revision, api, name, "d-" + api, Map.of(), null, Map.of(), cache,
                false, null);
    }

    private ApiKeyConfig key(String name) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(keyValue(name).getBytes(StandardCharsets.UTF_8));
        return new ApiKeyConfig("k-" + name + "-" + api, tenant, 9, HexFormat.of().formatHex(hash), true, null, List.of("p-" + api));
    }

    private String keyValue(String name) {
        return name + "-" + api + "-secret";
    }

    @AfterAll
    void close() throws Exception {
        publisher.close();
        upstream.close();
    }

    private RequestSpecification gateway() {
        return given().baseUri(ConfigProvider.getConfig().getValue("test.url", String.class)).header("Host", api + ".gateway.localhost");
    }

    private void awaitServed(String path) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (gateway().get(path).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the gateway did not serve " + path + " within 30 s");
    }

    private String path(String name) {
        return "/prod/items/" + name + "-" + run;
    }

    @Test
    void a_miss_is_stored_and_the_next_request_is_a_hit() {
        Response first = gateway().get(path("hit"));
        first.then().statusCode(200).header(ResponseCachePolicy.STATUS_HEADER, "MISS");
        Response second = gateway().get(path("hit"));
        second.then().statusCode(200).header(ResponseCachePolicy.STATUS_HEADER, "HIT")
                .header("x-upstream", "counting").header("content-type", "text/plain")
                .header("set-cookie", nullValue()); // a caller's cookie is never handed to another
        assertEquals(first.asString(), second.asString());
        assertNotEquals(first.header("x-request-id"), second.header("x-request-id"));
    }

    @Test
    void configured_key_parameters_vary_the_key_and_others_do_not() {
        String path = path("keyparams");
        String page1 = gateway().queryParam("page", "1").get(path).then().header(ResponseCachePolicy.STATUS_HEADER, "MISS")
                .extract().asString();
        String page2 = gateway().queryParam("page", "2").get(path).then().header(ResponseCachePolicy.STATUS_HEADER, "MISS")
                .extract().asString();
        assertNotEquals(page1, page2);
        gateway().queryParam("page", "2").header("x-tenant-region", "eu").get(path).then()
                .header(ResponseCachePolicy.STATUS_HEADER, "MISS");
        gateway().queryParam("page", "1").queryParam("utm", "x").get(path).then()
                .header(ResponseCachePolicy.STATUS_HEADER, "HIT").body(equalTo(page1));
    }

    @Test
    void an_answer_the_upstream_marks_no_store_or_private_is_not_stored() {
        for (String directive : List.of("no-store", "private, max-age=60")) {
            String path = path("nostore-" + directive.length());
            gateway().queryParam("cc", directive).get(path).then().header(ResponseCachePolicy.STATUS_HEADER, "MISS");
            gateway().queryParam("cc", directive).get(path).then().header(ResponseCachePolicy.STATUS_HEADER, "MISS");
        }
    }

    @Test
    void an_answer_over_one_megabyte_is_not_stored() {
        String path = path("big");
        String size = String.valueOf(ResponseCachePolicy.MAX_ENTRY_BYTES + 1);
        gateway().queryParam("size", size).get(path).then().statusCode(200).header(ResponseCachePolicy.STATUS_HEADER, "MISS");
        String again = gateway().queryParam("size", size).get(path).then().statusCode(200)
                .header(ResponseCachePolicy.STATUS_HEADER, "MISS").extract().asString();
        assertEquals(ResponseCachePolicy.MAX_ENTRY_BYTES + 1, again.length());
    }

    @Test
    void post_is_not_cached_unless_its_route_enables_caching() {
        gateway().body("x").post(path("post")).then().statusCode(200).header(ResponseCachePolicy.STATUS_HEADER, nullValue());
        String first = gateway().body("q").post("/prod/search").then().header(ResponseCachePolicy.STATUS_HEADER, "MISS")
                .extract().asString();
        gateway().body("q").post("/prod/search").then().header(ResponseCachePolicy.STATUS_HEADER, "HIT").body(equalTo(first));
    }

    @Test
    void a_stage_without_caching_sends_everything_to_the_upstream() {
        String first = gateway().get("/off/items/x-" + run).then().header(ResponseCachePolicy.STATUS_HEADER, nullValue())
                .extract().asString();
        assertNotEquals(first, gateway().get("/off/items/x-" + run).asString());
    }

    @Test
    void max_age_zero_from_an_allowed_key_invalidates_the_entry() {
        String path = "/prod/keyed/allowed-" + run;
        String first = gateway().header("x-api-key", keyValue("user")).get(path).then()
                .header(ResponseCachePolicy.STATUS_HEADER, "MISS").extract().asString();
        String fresh = gateway().header("x-api-key", keyValue("admin")).header("cache-control", "max-age=0").get(path).then()
                .statusCode(200).header(ResponseCachePolicy.STATUS_HEADER, "MISS").extract().asString();
        assertNotEquals(first, fresh);
        gateway().header("x-api-key", keyValue("user")).get(path).then().header(ResponseCachePolicy.STATUS_HEADER, "HIT")
                .body(equalTo(fresh));
    }

    @Test
    void max_age_zero_from_another_key_is_ignored() {
        String path = "/prod/keyed/ignored-" + run;
        String first = gateway().header("x-api-key", keyValue("user")).get(path).asString();
        gateway().header("x-api-key", keyValue("user")).header("cache-control", "max-age=0").get(path).then()
                .statusCode(200).header(ResponseCachePolicy.STATUS_HEADER, "HIT").body(equalTo(first));
    }

    @Test
    void max_age_zero_from_another_key_is_refused_when_the_stage_says_so() {
        String path = "/strict/keyed/refused-" + run;
        gateway().header("x-api-key", keyValue("user")).get(path).then().header(ResponseCachePolicy.STATUS_HEADER, "MISS");
        gateway().header("x-api-key", keyValue("user")).header("cache-control", "max-age=0").get(path).then()
                .statusCode(403).body("type", equalTo("CACHE_INVALIDATION_FORBIDDEN"));
        gateway().header("x-api-key", keyValue("admin")).header("cache-control", "max-age=0").get(path).then()
                .statusCode(200).header(ResponseCachePolicy.STATUS_HEADER, "MISS");
    }

    @Test
    void lookups_are_counted_on_the_metrics_endpoint() {
        gateway().get(path("metrics"));
        gateway().get(path("metrics"));
        String metrics = given().baseUri(ConfigProvider.getConfig().getValue("test.url", String.class)).get("/q/metrics").asString();
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("tollgate_cache_lookups_total{outcome=\"hit\"}"), metrics);
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("tollgate_cache_lookups_total{outcome=\"miss\"}"));
    }
}
