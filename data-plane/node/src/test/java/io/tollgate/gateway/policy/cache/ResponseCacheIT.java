package io.tollgate.gateway.policy.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.TestPublisher;
import io.tollgate.gateway.config.TestConfigs;
import io.tollgate.runtime.LocalRuntime;
import io.tollgate.runtime.Ports;
import io.tollgate.runtime.RuntimeHome;
import io.tollgate.runtime.Service;
import io.tollgate.runtime.service.QuarkusApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two packaged nodes share one Infinispan: what node A stored, node B answers from the cache. Then
 * Infinispan is stopped: once their near caches' max age has passed, both nodes go on serving from
 * the upstream, marked BYPASS, without waiting for the cache. Runs its own Kafka and Infinispan (it has to stop Infinispan), not the shared ones.
 */
class ResponseCacheIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final long NEAR_MAX_AGE_MILLIS = 1_000;
    /** A request that hangs on the cache fails the test instead of the test waiting forever. */
    private static final RestAssuredConfig NO_HANG = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 10_000));

    @Test
    void nodes_share_entries_and_bypass_the_cache_while_infinispan_is_down() throws Exception {
        Path work = MODULE.resolve("target/cache-it");
        deleteRecursively(work);
        RuntimeHome kafkaHome = RuntimeHome.at(work.resolve("kafka"));
        kafkaHome.create();
        RuntimeHome infinispanHome = RuntimeHome.at(work.resolve("infinispan"));
        infinispanHome.create();
        String api = "cit" + System.nanoTime() % 100_000;
        LocalRuntime kafka = new LocalRuntime(kafkaHome, Ports.random(), System.out::println, Map.of());
        LocalRuntime infinispan = new LocalRuntime(infinispanHome, Ports.random(), System.out::println, Map.of());
        QuarkusApp nodeA = null;
        QuarkusApp nodeB = null;
        try (CountingUpstream upstream = new CountingUpstream()) {
            String bootstrap = kafka.start(EnumSet.of(Service.KAFKA)).kafkaBootstrapServers();
            String infinispanHosts = infinispan.start(EnumSet.of(Service.INFINISPAN)).infinispanHosts();
            int portA = Ports.random().port("node-a", 0);
            int portB = Ports.random().port("node-b", 0);
            nodeA = node("node-a", portA, bootstrap, infinispanHosts, work);
            nodeB = node("node-b", portB, bootstrap, infinispanHosts, work);
            nodeA.start();
            nodeB.start();
            try (TestPublisher publisher = new TestPublisher(bootstrap)) {
                publisher.publish(new TenantConfig("t-cit", 1, TenantConfig.Status.ACTIVE),
                        TestConfigs.deployment("d-cit", "t-cit", api, 2, List.of(
                                TestConfigs.proxyRoute("GET", "/items/{id}", upstream.baseUrl() + "/items/{id}", 0))),
                        new StageConfig("s-cit", "t-cit", 3, api, "prod", "d-cit", Map.of(), null, Map.of(),
                                new StageConfig.CacheConfig(true, 300, List.of()), false, null));
            }
            awaitCache(() -> gateway(portA, api));
            awaitCache(() -> gateway(portB, api));

            Response miss = gateway(portA, api).get("/prod/items/shared");
            miss.then().statusCode(200).header(ResponseCachePolicy.STATUS_HEADER, "MISS");
            gateway(portB, api).get("/prod/items/shared").then().statusCode(200)
                    .header(ResponseCachePolicy.STATUS_HEADER, "HIT").body(equalTo(miss.asString()));

            infinispan.close();
            // each node may answer from its near cache for up to its max age after Infinispan went away
            Thread.sleep(NEAR_MAX_AGE_MILLIS + 500);
            for (int port : new int[] {portA, portB}) {
                for (int i = 0; i < 10; i++) {
                    int before = upstream.calls();
                    gateway(port, api).get("/prod/items/shared").then().statusCode(200)
                            .header(ResponseCachePolicy.STATUS_HEADER, "BYPASS");
                    assertEquals(before + 1, upstream.calls(), "a bypassed request is answered by the upstream");
                }
            }
        } finally {
            if (nodeA != null) {
                nodeA.close();
            }
            if (nodeB != null) {
                nodeB.close();
            }
            infinispan.close();
            kafka.close();
        }
    }

    private static QuarkusApp node(String name, int port, String bootstrap, String infinispanHosts, Path work) {
        return new QuarkusApp("gateway-" + name, MODULE, port, Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.infinispan-client.hosts", infinispanHosts,
                "tollgate.config.state-directory", work.resolve(name + "-state").toString(),
                "tollgate.events.spool.directory", work.resolve(name + "-spool").toString(),
                "tollgate.gateway.https.port", "0", // two nodes on one machine: no fixed TLS port
                "tollgate.gateway.cache.near.max-age", NEAR_MAX_AGE_MILLIS + "ms",
                // the shared build machine is busy: a slow lookup must not read as an outage here
                "tollgate.gateway.cache.timeout", "2s"), work.resolve(name + ".log"));
    }

    private static RequestSpecification gateway(int port, String api) {
        return given().config(NO_HANG).baseUri("http://127.0.0.1:" + port).header("Host", api + ".gateway.localhost");
    }

    /** Until the configuration arrived and the node has looked the remote cache up, requests bypass it. */
    private static void awaitCache(java.util.function.Supplier<RequestSpecification> gateway) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = null;
        while (System.nanoTime() < deadline) {
            Response response = gateway.get().get("/prod/items/warmup");
            last = response.statusCode() + " " + response.header(ResponseCachePolicy.STATUS_HEADER);
            if (response.statusCode() == 200 && !"BYPASS".equals(response.header(ResponseCachePolicy.STATUS_HEADER))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the node did not use the cache within 60 s; last answer: " + last);
    }

    private static void deleteRecursively(Path root) throws Exception {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
