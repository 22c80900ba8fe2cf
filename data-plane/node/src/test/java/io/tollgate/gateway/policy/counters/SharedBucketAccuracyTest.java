package io.tollgate.gateway.policy.counters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.infinispan.client.hotrod.RemoteCache;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' limits — two runtimes, each with a Hot Rod client of its own — behind the real
 * Infinispan, 10 s at twice a bucket's rate, requests alternating between them: together they
 * admit within ±5 % of what one token bucket admits (burst + rate × duration). The same
 * measurement through two packaged node processes is {@code ClusterLimitsIT}; this one keeps the
 * HTTP stack and the load generator out, so it judges the lease algorithm alone.
 */
@io.quarkus.test.junit.QuarkusTest
class SharedBucketAccuracyTest {

    private static final double RATE = 100;
    private static final int BURST = 20;
    private static final int SECONDS = 10;

    @Test
    void two_nodes_admit_within_five_percent_of_one_bucket_at_twice_the_limit() throws Exception {
        String hosts = ConfigProvider.getConfig().getValue("quarkus.infinispan-client.hosts", String.class);
        List<RemoteCacheManager> clients = new ArrayList<>();
        List<LimitsRuntime> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                RemoteCacheManager client = new RemoteCacheManager(new ConfigurationBuilder().addServers(hosts).build());
                clients.add(client);
                RemoteCache<String, Object> cache = client.administration().getOrCreateCache("tollgate-limits", "tollgate-counters");
                LimitsRuntime node = new LimitsRuntime(LimitsSettings.DEFAULTS, new SharedCounters(() -> cache, Duration.ofMillis(400)),
                        new NodeRoster("accuracy-" + i + "-" + System.nanoTime(), 250, 2), new SimpleMeterRegistry());
                node.start();
                nodes.add(node);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!(nodes.get(0).remoteUp() && nodes.get(1).remoteUp()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String key = "accuracy:" + System.nanoTime();
            LeasedBucket[] buckets = {nodes.get(0).bucket(key, new TokenBucketSpec(RATE, BURST)),
                    nodes.get(1).bucket(key, new TokenBucketSpec(RATE, BURST))};
            long total = (long) (2 * RATE * SECONDS);
            long admitted = 0;
            long[] byNode = new long[2];
            long sent = 0;
            long start = System.nanoTime();
            while (sent < total) { // open loop: requests fall due at 2 × rate whatever the answers
                long due = Math.min(total, (System.nanoTime() - start) * (long) (2 * RATE) / 1_000_000_000L);
                for (; sent < due; sent++) {
                    if (buckets[(int) (sent % 2)].tryAcquire(System.nanoTime()) == 0) {
                        admitted++;
                        byNode[(int) (sent % 2)]++;
                    }
                }
                Thread.sleep(1);
            }
            double span = (System.nanoTime() - start) / 1e9;
            double ideal = BURST + RATE * span;
            double error = (admitted - ideal) / ideal * 100;
            System.out.printf("[limits-accuracy] two runtimes, %d requests over %.2f s: admitted %d (%d + %d), one bucket admits %.0f: %+.2f %%%n",
                    total, span, admitted, byNode[0], byNode[1], ideal, error);
            for (LeasedBucket bucket : buckets) {
                System.out.println("[limits-accuracy] " + bucket.describe());
            }
            assertTrue(nodes.get(0).remoteUp() && nodes.get(1).remoteUp(), "measured in fallback, not against Infinispan");
            assertTrue(Math.abs(error) <= 5, "admitted " + admitted + ", one bucket " + ideal + " (" + error + " %)");
        } finally {
            nodes.forEach(LimitsRuntime::close);
            clients.forEach(RemoteCacheManager::close);
        }
    }
}
