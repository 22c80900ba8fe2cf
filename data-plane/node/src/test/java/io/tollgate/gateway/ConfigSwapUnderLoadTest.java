package io.tollgate.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.config.TestConfigs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Configuration swaps while requests flow: every answer comes from a complete published version
 * (whichever of the deployment's routes it took), no request fails during a swap, and no client
 * ever sees a version older than one it already saw.
 */
@QuarkusTest
class ConfigSwapUnderLoadTest {

    private static final int VERSIONS = 25;
    private static final int CLIENTS = 4;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void requests_see_whole_versions_in_order_while_configuration_changes() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String api = "s" + UUID.randomUUID().toString().substring(0, 8);
        String base = ConfigProvider.getConfig().getValue("test.url", String.class);
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE), deployment(tenant, api, 1),
                    TestConfigs.stage("st-" + api, tenant, api, "prod", "d-" + api, 2, Map.of()));
            awaitVersion(base, api, 1);

            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<List<Integer>>> observed = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                observed.add(clients.submit(() -> {
                    List<Integer> versions = new ArrayList<>();
                    while (running.get()) {
                        // alternate the two routes; each answers the version of the deployment it came from
                        Response response = given().baseUri(base).header("Host", api + ".gateway.localhost")
                                .get((versions.size() + client) % 2 == 0 ? "/prod/a" : "/prod/b");
                        assertEquals(200, response.statusCode(), response.asString());
                        versions.add(Integer.parseInt(response.asString()));
                    }
                    return versions;
                }));
            }
            for (int version = 2; version <= VERSIONS; version++) {
                publisher.publish(deployment(tenant, api, version));
                Thread.sleep(40);
            }
            awaitVersion(base, api, VERSIONS);
            running.set(false);
            clients.shutdown();
            int total = 0;
            for (Future<List<Integer>> future : observed) {
                List<Integer> versions = future.get();
                total += versions.size();
                List<Integer> sorted = new ArrayList<>(versions);
                Collections.sort(sorted);
                assertEquals(sorted, versions, "a client saw an older version after a newer one");
                assertTrue(versions.stream().allMatch(v -> v >= 1 && v <= VERSIONS), versions.toString());
            }
            assertTrue(total > CLIENTS * 10, "too few requests during the swaps to mean anything: " + total);
        }
    }

    /** Version N: two routes whose mock bodies are both N, published as one record. */
    private static io.tollgate.contract.v1.DeploymentConfig deployment(String tenant, String api, int version) {
        return TestConfigs.deployment("d-" + api, tenant, api, 10L + version, List.of(
                TestConfigs.mockRoute("GET", "/a", 200, String.valueOf(version)),
                TestConfigs.mockRoute("GET", "/b", 200, String.valueOf(version))));
    }

    private static void awaitVersion(String base, String api, int version) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Response response = given().baseUri(base).header("Host", api + ".gateway.localhost").get("/prod/a");
            if (response.statusCode() == 200 && response.asString().equals(String.valueOf(version))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("version " + version + " not served within 30 s");
    }
}
