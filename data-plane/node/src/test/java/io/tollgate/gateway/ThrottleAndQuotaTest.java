package io.tollgate.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.contract.v1.ApiKeyConfig;
import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.StageConfig.ThrottleConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.contract.v1.UsagePlanConfig.QuotaConfig;
import io.tollgate.contract.v1.UsagePlanConfig.QuotaPeriod;
import io.tollgate.gateway.config.TestConfigs;
import io.tollgate.gateway.policy.counters.QuotaWindow;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Throttling and quotas end to end: configuration on the real Kafka topic, counters in the real
 * Infinispan, requests through the node. Rates are far below what the test can send, so every
 * expected refusal is certain; limits are only as loose as the seconds a test may take.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottleAndQuotaTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    RemoteCacheManager cacheManager;

    private final String tenant = "t-" + UUID.randomUUID();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String stageApi = "st" + run;
    private final String routeApi = "ro" + run;
    private final String keyApi = "ky" + run;
    private TestPublisher publisher;

    private static final AuthorizationConfig KEY = new AuthorizationConfig(AuthorizationConfig.Type.API_KEY, null, null, true);

    @BeforeAll
    void publish() throws Exception {
        // Until its first heartbeat reaches Infinispan the node enforces per-node shares (tollgate_limits_fallback 1),
        // which never reach the shared counters this test reads: the traffic below starts once they are reachable.
        awaitCountersReachable();
        publisher = new TestPublisher(bootstrapServers);
        publisher.publish(new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE),
                // a stage throttle: one request every 10 s after a burst of 3
                TestConfigs.deployment("d-" + stageApi, tenant, stageApi, 2, List.of(TestConfigs.mockRoute("GET", "/a", 200, "a"))),
                stage(stageApi, new ThrottleConfig(0.1, 3), Map.of()),
                // a generous stage, a tight route override on one route
                TestConfigs.deployment("d-" + routeApi, tenant, routeApi, 3, List.of(
                        TestConfigs.mockRoute("GET", "/tight", 200, "tight"), TestConfigs.mockRoute("GET", "/other", 200, "other"))),
                stage(routeApi, new ThrottleConfig(1000, 1000), Map.of("GET /tight", new ThrottleConfig(0.1, 2))),
                // keyed routes under plans: a throttle per key, a daily quota per key
                TestConfigs.deployment("d-" + keyApi, tenant, keyApi, 4, List.of(
                        new RouteConfig("r-t", "GET", "/throttled", KEY, new IntegrationConfig.Mock(200, Map.of(), "t"), null))),
                stage(keyApi, null, Map.of()),
                new UsagePlanConfig("p-throttle-" + run, tenant, 5, new ThrottleConfig(0.1, 2), null,
                        List.of(new UsagePlanConfig.PlanStage(keyApi, "prod", null))),
                key("k1", "p-throttle-" + run), key("k2", "p-throttle-" + run),
                new UsagePlanConfig("p-quota-" + run, tenant, 6, null, new QuotaConfig(4, QuotaPeriod.DAY),
                        List.of(new UsagePlanConfig.PlanStage(stageApi, "quota", null))),
                TestConfigs.deployment("d-q" + run, tenant, stageApi, 7, List.of(
                        new RouteConfig("r-q", "GET", "/q", KEY, new IntegrationConfig.Mock(200, Map.of(), "q"), null))),
                new StageConfig("s-q" + run, tenant, 8, stageApi, "quota", "d-q" + run, Map.of(), null, Map.of(), null, false, null),
                key("kq", "p-quota-" + run),
                // the strictest applies: a generous plan throttle and a tight plan-stage throttle
                new UsagePlanConfig("p-strict-" + run, tenant, 9, new ThrottleConfig(1000, 1000), null,
                        List.of(new UsagePlanConfig.PlanStage(keyApi, "prod", new ThrottleConfig(0.1, 1)))),
                key("ks", "p-strict-" + run));
        awaitStatus(gateway(routeApi), "/prod/other", 200);
        awaitStatus(gateway(keyApi).header("x-api-key", keyValue("ks")), "/prod/throttled", 200); // spends ks's only token
        awaitStatus(gateway(stageApi).header("x-api-key", keyValue("kq")), "/quota/q", 200);    // spends one of kq's 4
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    private StageConfig stage(String api, ThrottleConfig throttle, Map<String, ThrottleConfig> routes) {
        return new StageConfig("s-" + api, tenant, 10, api, "prod", "d-" + api, Map.of(), throttle, routes, null, false, null);
    }

    private String keyValue(String name) {
        return name + "-" + run + "-secret";
    }

    private ApiKeyConfig key(String name, String plan) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(keyValue(name).getBytes(StandardCharsets.UTF_8));
        return new ApiKeyConfig("k-" + name + run, tenant, 11, HexFormat.of().formatHex(hash), true, null, List.of(plan));
    }

    private static RequestSpecification gateway(String api) {
        return given().baseUri(ConfigProvider.getConfig().getValue("test.url", String.class)).header("Host", api + ".gateway.localhost");
    }

    private static void awaitCountersReachable() throws InterruptedException {
        await(60, "the node's Infinispan counters were not reachable", () -> given()
                .baseUri(ConfigProvider.getConfig().getValue("test.url", String.class)).get("/q/metrics").asString()
                .contains("tollgate_limits_fallback 0.0"));
    }

    private static void awaitStatus(RequestSpecification request, String path, int status) throws InterruptedException {
        await(30, path + " did not answer " + status, () -> request.get(path).statusCode() == status);
    }

    /** Polls {@code done} every 100 ms for up to {@code seconds}. */
    private static void await(int seconds, String failure, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(failure + " within " + seconds + " s");
    }

    private static int admitted(RequestSpecification request, String path, int requests) {
        int ok = 0;
        for (int i = 0; i < requests; i++) {
            Response response = request.get(path);
            if (response.statusCode() == 200) {
                ok++;
            } else {
                response.then().statusCode(429).header("x-tollgate-error-type", "THROTTLED")
                        .header("retry-after", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                        .body("type", equalTo("THROTTLED"));
            }
        }
        return ok;
    }

    @Test
    void a_stage_throttle_admits_its_burst_then_refuses_with_retry_after_and_its_bucket_lives_in_infinispan() throws Exception {
        // 0.1/s: within the seconds this takes, at most one more token refills
        int ok = admitted(gateway(stageApi), "/prod/a", 8);
        assertTrue(ok >= 3 && ok <= 4, "burst 3 (+1 refill at most), admitted " + ok);
        Response refused = gateway(stageApi).get("/prod/a");
        refused.then().statusCode(429);
        long retryAfter = Long.parseLong(refused.header("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "a token every 10 s, Retry-After " + retryAfter);

        given().baseUri(ConfigProvider.getConfig().getValue("test.url", String.class)).get("/q/metrics")
                .then().body(org.hamcrest.Matchers.containsString("tollgate_limits_fallback 0.0"));
        var counters = cacheManager.getCache("tollgate-limits");
        Object tat = counters.get("throttle:stage:s-" + stageApi + ":0.1/3");
        assertNotNull(tat, "no shared bucket in Infinispan");
        // the bucket's theoretical arrival time is ahead of now by the tokens spent beyond the refill (10 s each)
        assertTrue((Long) tat > System.currentTimeMillis() * 1000, "shared bucket not spent: " + tat);
    }

    @Test
    void a_route_override_is_stricter_than_the_stage_and_only_for_its_route() {
        int tight = admitted(gateway(routeApi), "/prod/tight", 6);
        assertTrue(tight >= 2 && tight <= 3, "route burst 2 (+1 refill at most), admitted " + tight);
        assertEquals(6, admitted(gateway(routeApi), "/prod/other", 6), "the other route has only the generous stage limit");
    }

    @Test
    void a_plan_throttle_applies_to_each_key_on_its_own() {
        int first = admitted(gateway(keyApi).header("x-api-key", keyValue("k1")), "/prod/throttled", 5);
        int second = admitted(gateway(keyApi).header("x-api-key", keyValue("k2")), "/prod/throttled", 5);
        assertTrue(first >= 2 && first <= 3, "key 1: burst 2 (+1 refill at most), admitted " + first);
        assertTrue(second >= 2 && second <= 3, "key 2 has a bucket of its own, admitted " + second);
    }

    @Test
    void the_strictest_of_plan_and_plan_stage_throttles_decides() {
        // the plan allows 1000/s; its stage throttle allows 1 token, spent while waiting for the config
        gateway(keyApi).header("x-api-key", keyValue("ks")).get("/prod/throttled")
                .then().statusCode(429).header("x-tollgate-error-type", "THROTTLED");
    }

    @Test
    void a_quota_counts_down_in_headers_and_refuses_when_used_up_until_the_window_resets() throws Exception {
        RequestSpecification keyed = gateway(stageApi).header("x-api-key", keyValue("kq"));
        // one of the 4 was spent while waiting for the configuration
        for (int remaining = 2; remaining >= 0; remaining--) {
            keyed.get("/quota/q").then().statusCode(200)
                    .header("x-ratelimit-limit", "4")
                    .header("x-ratelimit-remaining", String.valueOf(remaining));
        }
        long now = System.currentTimeMillis();
        long reset = (QuotaWindow.containing(QuotaPeriod.DAY, now).endMillis() - now) / 1000;
        Response refused = keyed.get("/quota/q");
        refused.then().statusCode(429).header("x-tollgate-error-type", "QUOTA_EXCEEDED").body("type", equalTo("QUOTA_EXCEEDED"))
                .header("x-ratelimit-remaining", "0");
        long retryAfter = Long.parseLong(refused.header("retry-after"));
        assertTrue(Math.abs(retryAfter - reset) <= 2, "Retry-After " + retryAfter + " s, window ends in " + reset + " s");
        assertEquals(refused.header("retry-after"), refused.header("x-ratelimit-reset"));

        var counters = cacheManager.getCache("tollgate-limits");
        String count = "quota:p-quota-" + run + ":k-kq" + run + ":DAY:4:" + QuotaWindow.containing(QuotaPeriod.DAY, now).startMillis();
        assertEquals(4L, counters.get(count), "the shared count holds every admitted request once");
    }
}
