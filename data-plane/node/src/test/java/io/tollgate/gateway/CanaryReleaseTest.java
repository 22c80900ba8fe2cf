package io.tollgate.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.config.TestConfigs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A stage's canary percentage of requests is served by the canary deployment. */
@QuarkusTest
class CanaryReleaseTest {

    private static final int REQUESTS = 400;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void about_the_canary_share_of_requests_goes_to_the_canary_deployment() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String api = "cn" + UUID.randomUUID().toString().substring(0, 6);
        String base = ConfigProvider.getConfig().getValue("test.url", String.class);
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE),
                    TestConfigs.deployment("stable-" + api, tenant, api, 2, List.of(TestConfigs.mockRoute("GET", "/v", 200, "stable"))),
                    TestConfigs.deployment("canary-" + api, tenant, api, 3, List.of(TestConfigs.mockRoute("GET", "/v", 200, "canary"))),
                    new StageConfig("st-" + api, tenant, 4, api, "prod", "stable-" + api, Map.of(), null, Map.of(), null, false,
                            new StageConfig.CanaryConfig(25, "canary-" + api, Map.of())));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (given().baseUri(base).header("Host", api + ".gateway.localhost").get("/prod/v").statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("stage not served");
                }
                Thread.sleep(100);
            }
        }
        Map<String, Integer> served = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Response response = given().baseUri(base).header("Host", api + ".gateway.localhost").get("/prod/v");
            served.merge(response.asString(), 1, Integer::sum);
        }
        int canary = served.getOrDefault("canary", 0);
        // 25 % of 400 = 100; the bounds are ±5 standard deviations (σ ≈ 8.7): wrong routing fails, chance does not
        assertTrue(canary >= 57 && canary <= 143, "canary served " + canary + " of " + REQUESTS + ": " + served);
        assertTrue(served.getOrDefault("stable", 0) + canary == REQUESTS, served.toString());
    }
}
