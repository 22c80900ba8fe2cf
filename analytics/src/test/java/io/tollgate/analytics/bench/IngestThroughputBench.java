package io.tollgate.analytics.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.analytics.ingest.TestTopic;
import io.tollgate.analytics.ingest.UsageIngestor;
import io.tollgate.contract.v1.AccessEvent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Not a test (its name keeps it out of surefire's default run): deploy/bench/analytics-ingest.sh
 * runs it to measure how many access events per second one ingest consumer counts into PostgreSQL
 * (decode, fold per minute, lock-merge-write the rows, offsets, commit), against the real services.
 */
@QuarkusTest
class IngestThroughputBench {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void ingest_rate() throws Exception {
        int events = Integer.getInteger("tollgate.bench.events", 200_000);
        int tenants = Integer.getInteger("tollgate.bench.tenants", 20);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long now = System.currentTimeMillis();
        List<AccessEvent> batch = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            // 20 tenants × 5 routes × 10 keys, spread over the last 10 minutes
            batch.add(new AccessEvent(UUID.randomUUID().toString(), now - (i % 600_000), "bench-" + run + "-" + (i % tenants), "a-1",
                    "prod", "/r" + (i % 5), "GET", i % 50 == 0 ? 500 : 200, 1_000 + i % 5_000, 800, 100, 1_000, "k-" + (i % 10),
                    null, i % 50 == 0 ? "INTERNAL" : null, "r", "127.0.0.1"));
        }
        String topic = TestTopic.create(bootstrapServers);
        long publishStart = System.nanoTime();
        TestTopic.publish(bootstrapServers, topic, batch);
        double publishSeconds = (System.nanoTime() - publishStart) / 1e9;

        try (UsageIngestor ingestor = new UsageIngestor(dataSource, Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "bench-" + run), topic, (connection, n) -> { })) {
            long start = System.nanoTime();
            Thread.ofPlatform().start(ingestor);
            while (ingestor.counted() < events) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%n[bench] published %d events in %.1f s (%.0f events/s); ingested in %.1f s: %.0f events/s "
                    + "(one consumer, %d tenants, load average %s)%n%n", events, publishSeconds, events / publishSeconds, seconds,
                    events / seconds, tenants, java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        }
    }
}
