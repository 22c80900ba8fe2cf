package io.tollgate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.contract.v1.StageConfig;
import io.tollgate.contract.v1.StageConfig.ThrottleConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.config.TestConfigs;
import io.tollgate.gateway.policy.counters.TokenBucketSpec;
import io.tollgate.runtime.Endpoints;
import io.tollgate.runtime.LocalRuntime;
import io.tollgate.runtime.Ports;
import io.tollgate.runtime.RuntimeHome;
import io.tollgate.runtime.Service;
import io.tollgate.runtime.service.QuarkusApp;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Cluster-wide limits with two packaged gateway nodes behind one Infinispan, both started by this
 * test through deploy/runtime (its own Kafka and Infinispan: the outage test stops Infinispan).
 *
 * <ol>
 *   <li>Accuracy: 10 s at twice a route's limit, spread over both nodes; every request is admitted
 *       or THROTTLED, both nodes reserve from the shared bucket, and together they admit within
 *       ±5 % of what one token bucket admits of the same requests at the times they were sent (the
 *       reference is replayed, so a generator the machine holds back is not blamed on the nodes).
 *       Each node's bucket totals are printed from its diagnostics log.</li>
 *   <li>Outage: Infinispan stopped under load; no request hangs or is refused (fail-open), both
 *       nodes fall back to per-node shares within 1 s of the Hot Rod port closing, and the p99
 *       while it stops stays within 2× of the p99 just before.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterLimitsIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final double RATE = 50;
    private static final int BURST = 50;
    private static final int SECONDS = 10;

    private final String api = "cl" + System.nanoTime() % 100_000;
    private final String host = api + ".gateway.localhost";
    private LocalRuntime kafka;
    private LocalRuntime infinispan;
    private Endpoints infinispanEndpoints;
    private final List<QuarkusApp> nodes = new ArrayList<>();
    private final int[] nodePorts = new int[2];
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startTwoNodes() throws Exception {
        Path work = MODULE.resolve("target/cluster-limits-it");
        LastKnownGoodIT.deleteRecursively(work);
        RuntimeHome kafkaHome = RuntimeHome.at(work.resolve("kafka"));
        kafkaHome.create();
        RuntimeHome infinispanHome = RuntimeHome.at(work.resolve("infinispan"));
        infinispanHome.create();
        kafka = new LocalRuntime(kafkaHome, Ports.random(), System.out::println, Map.of());
        Endpoints kafkaEndpoints = kafka.start(EnumSet.of(Service.KAFKA));
        infinispan = new LocalRuntime(infinispanHome, Ports.random(), System.out::println, Map.of());
        infinispanEndpoints = infinispan.start(EnumSet.of(Service.INFINISPAN));

        try (TestPublisher publisher = new TestPublisher(kafkaEndpoints.kafkaBootstrapServers())) {
            publisher.publish(new TenantConfig("t-cl", 1, TenantConfig.Status.ACTIVE),
                    TestConfigs.deployment("d-cl", "t-cl", api, 2, List.of(
                            TestConfigs.mockRoute("GET", "/limited", 200, "ok"), TestConfigs.mockRoute("GET", "/free", 200, "ok"))),
                    new StageConfig("s-cl", "t-cl", 3, api, "prod", "d-cl", Map.of(), null,
                            Map.of("GET /limited", new ThrottleConfig(RATE, BURST), "GET /free", new ThrottleConfig(100_000, 100_000)),
                            null, false, null));
        }
        for (int i = 0; i < 2; i++) {
            nodePorts[i] = Ports.random().port("node" + i, 0);
            Map<String, String> config = new HashMap<>(Map.of(
                    "kafka.bootstrap.servers", kafkaEndpoints.kafkaBootstrapServers(),
                    "quarkus.infinispan-client.hosts", infinispanEndpoints.infinispanHosts(),
                    "tollgate.config.state-directory", work.resolve("node" + i + "-state").toString(),
                    "tollgate.events.spool.directory", work.resolve("node" + i + "-spool").toString(),
                    "tollgate.gateway.https.enabled", "false",
                    "tollgate.gateway.rate-limits.node-id", "node" + i,
                    // the buckets' totals each second, compared after the accuracy run
                    "quarkus.log.category.\"io.tollgate.gateway.policy.counters\".level", "DEBUG"));
            QuarkusApp node = new QuarkusApp("gateway-" + i, MODULE, nodePorts[i], config, work.resolve("node" + i + ".log"));
            nodes.add(node);
            node.start();
        }
        for (int port : nodePorts) {
            awaitMetric(port, "tollgate_limits_nodes 2.0", 30_000);
            awaitMetric(port, "tollgate_limits_fallback 0.0", 30_000);
        }
    }

    @AfterAll
    void stopAll() {
        nodes.forEach(QuarkusApp::close);
        if (infinispan != null) {
            infinispan.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void two_nodes_admit_within_five_percent_of_one_bucket_at_twice_the_limit() throws Exception {
        List<PacedLoad.Outcome> outcomes;
        try (PacedLoad load = new PacedLoad()) {
            // warms the generator and both nodes' request path (JIT, connections) on an unlimited route,
            // so the measured window is not distorted by a cold start
            load.run(nodePorts, host, "/prod/free", (int) (2 * RATE), 3, 5_000);
            outcomes = load.run(nodePorts, host, "/prod/limited", (int) (2 * RATE), SECONDS, 5_000);
        }
        long admitted = PacedLoad.count(outcomes, 200);
        long throttled = PacedLoad.count(outcomes, 429);
        double span = PacedLoad.spanSeconds(outcomes);
        long ideal = oneBucketAdmits(outcomes);
        double error = (admitted - ideal) * 100.0 / ideal;
        System.out.printf("[cluster-limits] two nodes, %d requests over %.2f s (offered %.1f/s, sent up to %.0f ms late): "
                + "admitted %d, throttled %d; one bucket admits %d of the same requests (burst %d + %.0f/s × %.2f s = %.0f): %+.2f %%%n",
                outcomes.size(), span, outcomes.size() / span, PacedLoad.maxLateMillis(outcomes), admitted, throttled, ideal,
                BURST, RATE, span, BURST + RATE * span, error);
        Thread.sleep(1_200); // the nodes' diagnostics log their buckets each second
        for (int i = 0; i < nodes.size(); i++) {
            System.out.println("[cluster-limits] node" + i + ": " + lastBucketLine(i));
        }
        assertEquals(outcomes.size(), admitted + throttled, "every request is either admitted or THROTTLED");
        for (int port : nodePorts) { // both nodes took part, not one node alone
            assertTrue(metricValue(port, "tollgate_limits_reservations_total{result=\"granted\"}")
                    + metricValue(port, "tollgate_limits_reservations_total{result=\"short\"}") > 0);
        }
        // the generator aims at 2x; a machine at load average 40 holds it back (85/s seen): the
        // reference is replayed on the real send times, so what must hold is a clear overload
        assertTrue(outcomes.size() / span >= 1.5 * RATE, "the load generator offered under 1.5x the limit: " + outcomes.size() / span);
        assertTrue(Math.abs(error) <= 5, "admitted " + admitted + ", one bucket " + ideal + " (" + error + " %)");
    }

    /**
     * What one token bucket of the route's limit admits of these requests at the times they were
     * sent: the reference, honest about a load generator that a loaded machine delays.
     */
    private static long oneBucketAdmits(List<PacedLoad.Outcome> outcomes) {
        TokenBucketSpec bucket = new TokenBucketSpec(RATE, BURST);
        long tat = 0;
        long admitted = 0;
        for (PacedLoad.Outcome outcome : outcomes) {
            TokenBucketSpec.Take take = bucket.take(tat, outcome.sentMicros(), 1, 0, 1e6);
            if (take.granted() == 1) {
                admitted++;
                tat = take.tat();
            }
        }
        return admitted;
    }

    private static Path nodeLog(int node) {
        return MODULE.resolve("target/cluster-limits-it/node" + node + ".log");
    }

    /** The node's last diagnostics line of the limited route's bucket. */
    private String lastBucketLine(int node) throws Exception {
        return Files.readAllLines(nodeLog(node)).reversed().stream().filter(line -> line.contains("bucket ") && line.contains("/limited"))
                .findFirst().orElse("(no diagnostics line)");
    }

    @Test
    @Order(2)
    void an_infinispan_outage_under_load_neither_hangs_requests_nor_slows_them() throws Exception {
        int perSecond = 100;
        try (PacedLoad load = new PacedLoad()) {
            load.run(nodePorts, host, "/prod/free", perSecond, 3, 2_000); // warm-up
            List<PacedLoad.Outcome> before = load.run(nodePorts, host, "/prod/free", perSecond, 5, 2_000);
            // the fallback is read from the nodes' logs, not their metrics: scraping both nodes every few
            // milliseconds during the outage only would load them in one window and not the other
            long[] fallbackAt = new long[nodePorts.length];
            List<Thread> watchers = new ArrayList<>();
            for (int i = 0; i < nodePorts.length; i++) {
                int node = i;
                int linesBefore = Files.readAllLines(nodeLog(node)).size(); // earlier fallbacks (at start) do not count
                watchers.add(Thread.ofPlatform().start(() -> fallbackAt[node] = awaitFallbackLogged(node, linesBefore)));
            }
            long[] downAt = {0};
            Thread portWatcher = Thread.ofPlatform().start(() -> downAt[0] = awaitPortClosed(infinispanEndpoints.infinispanHosts()));
            Thread stopper = Thread.ofPlatform().start(() -> infinispan.close());
            List<PacedLoad.Outcome> during = load.run(nodePorts, host, "/prod/free", perSecond, 5, 2_000);
            stopper.join();
            portWatcher.join();
            for (Thread watcher : watchers) {
                watcher.join();
            }
            long fallbackMillis = java.util.Arrays.stream(fallbackAt).max().orElseThrow() - downAt[0];
            double p99Before = PacedLoad.percentileMillis(before, 99);
            double p99During = PacedLoad.percentileMillis(during, 99);
            long hung = PacedLoad.count(during, -1);
            System.out.printf("[cluster-limits] outage: p99 before %.2f ms, while Infinispan stops %.2f ms (%.2f×); %d of %d requests "
                    + "without an answer in 2 s; fallback logged %d ms after the Hot Rod port closed (negative: before, as a stopping server stops answering first); "
                    + "slowest before: %s; while it stops: %s%n",
                    p99Before, p99During, p99During / p99Before, hung, during.size(), fallbackMillis, slowest(before, 8), slowest(during, 8));
            assertEquals(0, hung, "requests hung while Infinispan stopped");
            assertEquals(during.size(), PacedLoad.count(during, 200), "fail-open: a limit far away refuses nothing");
            for (int port : nodePorts) {
                assertTrue(metricValue(port, "tollgate_limits_fallbacks_total") >= 1);
            }
            assertTrue(fallbackMillis <= 1_000, "per-node shares only " + fallbackMillis + " ms after Infinispan went away");
            assertTrue(p99During <= 2 * p99Before, "p99 " + p99During + " ms while Infinispan stopped, " + p99Before + " ms before");
        }
    }

    /** The {@code count} slowest requests: latency in ms @ ms into the window / node. */
    private static String slowest(List<PacedLoad.Outcome> outcomes, int count) {
        return outcomes.stream().sorted((a, b) -> Long.compare(b.latencyNanos(), a.latencyNanos())).limit(count)
                .map(o -> String.format("%.1f@%d/node%d", o.latencyNanos() / 1e6, o.sentMicros() / 1000, o.node())).toList().toString();
    }

    /**
     * Waits for the node's log to say it fell back to per-node shares; returns that line's time
     * (epoch ms, the log's clock: the same machine's).
     */
    private static long awaitFallbackLogged(int node, int skipLines) {
        Path log = nodeLog(node);
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
        long deadline = System.nanoTime() + 30_000_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                for (String line : Files.readAllLines(log).stream().skip(skipLines).toList()) {
                    if (line.contains("Infinispan counters unreachable") && line.length() > 23) {
                        return java.time.LocalDateTime.parse(line.substring(0, 23), format)
                                .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
                    }
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            throw new AssertionError("reading " + log, e);
        }
        return Long.MAX_VALUE; // never fell back: the assertion on the delay fails
    }

    /** Polls the Hot Rod port until it refuses connections; returns that moment (epoch ms). */
    private static long awaitPortClosed(String hosts) {
        String[] hostPort = hosts.split(";")[0].split(":");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                Thread.sleep(10);
            } catch (Exception closed) {
                return System.currentTimeMillis();
            }
        }
        throw new AssertionError("Infinispan still listening after 60 s");
    }

    private String metrics(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private double metricValue(int port, String series) throws Exception {
        for (String line : metrics(port).split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    private void awaitMetric(int port, String line, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (metrics(port).contains(line)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("node on " + port + " never showed '" + line + "'");
    }
}
