package io.tollgate.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.config.TestConfigs;
import io.tollgate.runtime.Endpoints;
import io.tollgate.runtime.LocalRuntime;
import io.tollgate.runtime.Ports;
import io.tollgate.runtime.RuntimeHome;
import io.tollgate.runtime.Service;
import io.tollgate.runtime.service.QuarkusApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The packaged node keeps serving when Kafka is gone: it is stopped, Kafka is stopped, and the
 * node started again serves its last known good configuration from disk; when Kafka returns, the
 * node catches up with what changed. Runs its own Kafka (it has to stop it), not the shared one.
 */
class LastKnownGoodIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void serves_from_disk_while_kafka_is_down_and_catches_up_when_it_returns() throws Exception {
        Path work = MODULE.resolve("target/lkg-it");
        deleteRecursively(work);
        Map<String, Integer> fixedPorts = new HashMap<>();
        Ports samePortsAcrossRestarts = (name, fallback) -> fixedPorts.computeIfAbsent(name, n -> Ports.random().port(n, fallback));
        RuntimeHome home = RuntimeHome.at(work.resolve("services"));
        home.create();
        int nodePort = Ports.random().port("node", 0);
        String api = "lkg" + System.nanoTime() % 100_000;
        Supplier<RequestSpecification> gateway = () -> given().baseUri("http://127.0.0.1:" + nodePort)
                .header("Host", api + ".gateway.localhost");

        LocalRuntime kafka = new LocalRuntime(home, samePortsAcrossRestarts, System.out::println, Map.of());
        QuarkusApp node = null;
        try {
            Endpoints endpoints = kafka.start(EnumSet.of(Service.KAFKA));
            Map<String, String> nodeConfig = Map.of(
                    "kafka.bootstrap.servers", endpoints.kafkaBootstrapServers(),
                    "tollgate.config.state-directory", work.resolve("node-state").toString(),
                    "tollgate.events.spool.directory", work.resolve("node-spool").toString(),
                    "tollgate.gateway.https.port", "0", // never the quickstart's 8443
                    "quarkus.infinispan-client.hosts", "127.0.0.1:1");
            node = new QuarkusApp("gateway", MODULE, nodePort, nodeConfig, work.resolve("node.log"));
            node.start();
            try (TestPublisher publisher = new TestPublisher(endpoints.kafkaBootstrapServers())) {
                publisher.publish(new TenantConfig("t-lkg", 1, TenantConfig.Status.ACTIVE),
                        TestConfigs.deployment("d-lkg", "t-lkg", api, 2, List.of(TestConfigs.mockRoute("GET", "/v", 200, "first"))),
                        TestConfigs.stage("s-lkg", "t-lkg", api, "prod", "d-lkg", 3, Map.of()));
            }
            awaitBody(gateway, "/prod/v", "first");
            node.close();
            kafka.close();

            node = new QuarkusApp("gateway", MODULE, nodePort, nodeConfig, work.resolve("node-restarted.log"));
            node.start(); // ready: readiness answers UP only with a configuration loaded
            gateway.get().get("/prod/v").then().statusCode(200).body(equalTo("first"));
            RestAssured.given().baseUri("http://127.0.0.1:" + nodePort).get("/q/health/ready")
                    .then().statusCode(200).body("checks.find { it.name == 'gateway-configuration' }.data.source", equalTo("DISK"));

            kafka = new LocalRuntime(home, samePortsAcrossRestarts, System.out::println, Map.of());
            kafka.start(EnumSet.of(Service.KAFKA));
            try (TestPublisher publisher = new TestPublisher(endpoints.kafkaBootstrapServers())) {
                publisher.publish(TestConfigs.deployment("d-lkg", "t-lkg", api, 4, List.of(TestConfigs.mockRoute("GET", "/v", 200, "second"))));
            }
            awaitBody(gateway, "/prod/v", "second");
        } finally {
            if (node != null) {
                node.close();
            }
            kafka.close();
        }
    }

    private static void awaitBody(Supplier<RequestSpecification> gateway, String path, String body) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = null;
        while (System.nanoTime() < deadline) {
            last = gateway.get().get(path).asString();
            if (body.equals(last)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + body + " at " + path + ", last answer: " + last);
    }

    static void deleteRecursively(Path root) throws Exception {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
