package io.tollgate.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollgate.contract.Topics;
import io.tollgate.contract.v1.AccessEvent;
import io.tollgate.runtime.Service;
import io.tollgate.runtime.testing.OwnServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher against a Kafka broker of its own that the test stops and starts again: events are
 * spooled while it is away and delivered when it is back, none lost, none twice.
 */
class AccessEventPublisherOutageTest {

    @TempDir
    static Path temp;

    private static OwnServices kafka;
    private static String bootstrapServers;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new OwnServices(temp.resolve("kafka"), Set.of(Service.KAFKA));
        bootstrapServers = kafka.start().kafkaBootstrapServers();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    private static AccessEventPublisher publisher(Path spool, long spoolBytes, SpoolFullPolicy policy, SimpleMeterRegistry registry) {
        // short timeouts, so that an outage is noticed within seconds
        return new AccessEventPublisher(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", 2_000,
                "delivery.timeout.ms", 5_000, "max.block.ms", 1_000), Topics.ACCESS_EVENTS.name(),
                new EventSpool(spool, spoolBytes, 64 * 1024, FsyncPolicy.BATCH), policy, 100_000, Duration.ofSeconds(3), registry);
    }

    private static AccessEvent event(String tenant, int i) {
        return new AccessEvent(UUID.randomUUID().toString().replace("-", ""), System.currentTimeMillis(), tenant, "a-1", "prod",
                "/pets/{id}", "GET", 200 + (i % 3) * 100, 1_000 + i, 500, 10, 100, "k-" + (i % 4), null, null, "r-" + i, "127.0.0.1");
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static double count(SimpleMeterRegistry registry, String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void events_during_a_kafka_outage_are_spooled_then_delivered_exactly_once() throws Exception {
        String tenant = "t-outage-" + UUID.randomUUID();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Set<String> emitted = new LinkedHashSet<>();
        try (AccessEventPublisher publisher = publisher(temp.resolve("spool-outage"), 64 << 20, SpoolFullPolicy.DROP, registry)) {
            publisher.start();
            for (int i = 0; i < 1_000; i++) {
                AccessEvent event = event(tenant, i);
                assertTrue(publisher.emit(event));
                emitted.add(event.id());
            }
            await("the first 1000 published", Duration.ofSeconds(30), () -> count(registry, "tollgate.access.events.published") == 1_000);

            kafka.stop();
            // traffic goes on while Kafka is away: some is sent into the void first, then spooled
            for (int i = 1_000; i < 3_000; i++) {
                AccessEvent event = event(tenant, i);
                assertTrue(publisher.emit(event));
                emitted.add(event.id());
                if (i % 200 == 0) {
                    Thread.sleep(300);
                }
            }
            await("the 2000 events of the outage spooled", Duration.ofSeconds(60),
                    () -> count(registry, "tollgate.access.events.spooled") >= 2_000);
            assertEquals(1_000, count(registry, "tollgate.access.events.published"));

            kafka.start();
            await("all 3000 published", Duration.ofSeconds(90), () -> count(registry, "tollgate.access.events.published") == 3_000);
            assertEquals(0, publisher.metrics().dropped());
        }
        List<AccessEvent> arrived = TopicReader.read(bootstrapServers, e -> e.tenantId().equals(tenant), 3_000,
                Duration.ofSeconds(60));
        Set<String> ids = new HashSet<>();
        arrived.forEach(e -> ids.add(e.id()));
        assertEquals(arrived.size(), ids.size(), "no event twice");
        assertEquals(emitted, new LinkedHashSet<>(emitted.stream().filter(ids::contains).toList()));
        assertEquals(3_000, arrived.size(), "none lost");
        assertEquals(count(registry, "tollgate.access.events.spooled"), count(registry, "tollgate.access.events.replayed"));
    }

    @Test
    void events_in_memory_at_shutdown_are_spooled_and_sent_by_the_next_start() throws Exception {
        String tenant = "t-shutdown-" + UUID.randomUUID();
        Path spool = temp.resolve("spool-shutdown");
        Set<String> emitted = new HashSet<>();
        kafka.stop();
        try {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            AccessEventPublisher first = publisher(spool, 64 << 20, SpoolFullPolicy.DROP, registry);
            first.start();
            for (int i = 0; i < 500; i++) {
                AccessEvent event = event(tenant, i);
                first.emit(event);
                emitted.add(event.id());
            }
            first.close(); // Kafka is away: everything still in memory must end up on disk
            assertEquals(500, count(registry, "tollgate.access.events.spooled"));
            assertEquals(0, first.metrics().dropped());
        } finally {
            kafka.start();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (AccessEventPublisher second = publisher(spool, 64 << 20, SpoolFullPolicy.DROP, registry)) {
            second.start();
            await("the spooled 500 replayed", Duration.ofSeconds(60), () -> count(registry, "tollgate.access.events.replayed") == 500);
        }
        List<AccessEvent> arrived = TopicReader.read(bootstrapServers, e -> e.tenantId().equals(tenant), 500,
                Duration.ofSeconds(60));
        assertEquals(500, arrived.size());
        assertEquals(emitted, new HashSet<>(arrived.stream().map(AccessEvent::id).toList()));
    }

    @Test
    void a_full_spool_drops_and_counts_or_rejects_traffic_as_configured() throws Exception {
        String tenant = "t-full-" + UUID.randomUUID();
        kafka.stop();
        try {
            SimpleMeterRegistry dropRegistry = new SimpleMeterRegistry();
            SimpleMeterRegistry rejectRegistry = new SimpleMeterRegistry();
            try (AccessEventPublisher dropping = publisher(temp.resolve("spool-drop"), 64 * 1024, SpoolFullPolicy.DROP, dropRegistry);
                    AccessEventPublisher rejecting = publisher(temp.resolve("spool-reject"), 64 * 1024, SpoolFullPolicy.REJECT,
                            rejectRegistry)) {
                dropping.start();
                rejecting.start();
                for (int i = 0; i < 2_000; i++) { // ~230 bytes each: far more than 64 KiB
                    dropping.emit(event(tenant, i));
                    rejecting.emit(event(tenant, i));
                }
                await("the spools filled", Duration.ofSeconds(30), () -> count(dropRegistry, "tollgate.access.events.spooled")
                        + dropRegistry.find("tollgate.access.events.dropped").tag("reason", "spool-full").counter().count() == 2_000);
                double dropped = dropRegistry.find("tollgate.access.events.dropped").tag("reason", "spool-full").counter().count();
                assertTrue(dropped > 1_000, "dropped " + dropped);
                assertEquals(1.0, dropRegistry.find("tollgate.access.events.spool.full").gauge().value());
                assertFalse(dropping.rejectsTraffic(), "policy drop keeps serving");
                await("the reject spool filled", Duration.ofSeconds(30), rejecting::rejectsTraffic);
            }
        } finally {
            kafka.start();
        }
    }
}
