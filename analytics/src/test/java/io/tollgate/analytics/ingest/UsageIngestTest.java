package io.tollgate.analytics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.analytics.rollup.Rollup;
import io.tollgate.contract.v1.AccessEvent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Events on a real topic counted into real PostgreSQL exactly once, through crashes and rebalances. */
@QuarkusTest
class UsageIngestTest {

    private static final int EVENTS = 3_000;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** A known set: statuses cycle 200, 201, 404, 500, 302 (by i % 5); keys k-0..k-3 (i % 4); 3 hours. */
    static List<AccessEvent> events(String tenant, int count) {
        long start = System.currentTimeMillis() - Duration.ofHours(3).toMillis();
        int[] statuses = {200, 201, 404, 500, 302};
        List<AccessEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int status = statuses[i % 5];
            String error = status == 404 ? "ROUTE_NOT_FOUND" : status == 500 ? "INTERNAL" : null;
            events.add(new AccessEvent(UUID.randomUUID().toString(), start + i * (Duration.ofHours(3).toMillis() / count), tenant,
                    "a-1", "prod", status == 404 ? null : "/pets/{id}", "GET", status, 1_000 + (i % 100) * 10, 500, 10, 100,
                    "k-" + (i % 4), i % 2 == 0 ? "HIT" : "MISS", error, "r-" + i, "127.0.0.1"));
        }
        return events;
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String jdbcUser;

    private UsageIngestor ingestor(String topic, String group, UsageIngestor.BeforeCommit beforeCommit) {
        return ingestor(dataSource, topic, group, beforeCommit);
    }

    private UsageIngestor ingestor(DataSource dataSource, String topic, String group, UsageIngestor.BeforeCommit beforeCommit) {
        return new UsageIngestor(dataSource, Map.of("bootstrap.servers", bootstrapServers, "group.id", group,
                "max.poll.records", 100, "session.timeout.ms", 10_000, "heartbeat.interval.ms", 1_000), topic, beforeCommit);
    }

    private long total(String tenant, String column) throws Exception {
        return single("select coalesce(sum(" + column + "), 0) from usage_minute where tenant_id = ? and api_id = '*'", tenant);
    }

    private long single(String sql, Object parameter) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter instanceof String[] ids ? connection.createArrayOf("text", ids) : parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }

    private BooleanSupplier counted(String tenant, long expected) {
        return () -> {
            try {
                return total(tenant, "requests") >= expected;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private void assertExactlyCounted(String tenant) throws Exception {
        Thread.sleep(2_000); // anything counted twice would show by now
        assertEquals(EVENTS, total(tenant, "requests"));
        assertEquals(EVENTS / 5 * 2, total(tenant, "status_2xx"));
        assertEquals(EVENTS / 5, total(tenant, "status_3xx"));
        assertEquals(EVENTS / 5, total(tenant, "status_4xx"));
        assertEquals(EVENTS / 5, total(tenant, "status_5xx"));
        assertEquals(EVENTS / 5 * 2, total(tenant, "errors"));
        assertEquals(EVENTS / 2, total(tenant, "cache_hits"));
        assertEquals(EVENTS * 100L, total(tenant, "bytes_out"));
        for (int key = 0; key < 4; key++) {
            assertEquals(EVENTS / 4, single("select coalesce(sum(requests), 0) from usage_minute where tenant_id = ? and key_id = 'k-"
                    + key + "'", tenant), "key k-" + key);
        }
        assertEquals(EVENTS / 5, single("select coalesce(sum(requests), 0) from errors_minute where tenant_id = ? "
                + "and error_type = 'ROUTE_NOT_FOUND' and api_id = '*'", tenant));
        // the dimension rows add up to the total rows
        assertEquals(EVENTS, single("select coalesce(sum(requests), 0) from usage_minute where tenant_id = ? and api_id <> '*'", tenant));
    }

    @Test
    void counts_every_event_exactly_once_when_the_consumer_crashes_between_write_and_commit() throws Exception {
        String tenant = "t-crash-" + UUID.randomUUID();
        String topic = TestTopic.create(bootstrapServers);
        TestTopic.publish(bootstrapServers, topic, events(tenant, EVENTS));

        AtomicReference<Throwable> died = new AtomicReference<>();
        // connections of its own, as a process of its own would have: the crash drops them
        org.postgresql.ds.PGSimpleDataSource ownConnections = new org.postgresql.ds.PGSimpleDataSource();
        ownConnections.setUrl(jdbcUrl);
        ownConnections.setUser(jdbcUser);
        UsageIngestor crashing = ingestor(ownConnections, topic, "g-" + topic, (connection, batch) -> {
            if (batch == 5) {
                connection.abort(Runnable::run); // the process dies: its connection drops with the transaction open
                throw new Error("crash between write and commit");
            }
        });
        Thread first = Thread.ofPlatform().unstarted(crashing);
        first.setUncaughtExceptionHandler((thread, error) -> died.set(error));
        first.start();
        first.join(Duration.ofSeconds(60));
        assertTrue(died.get() != null && died.get().getMessage().contains("crash"), "the first consumer crashed: " + died.get());
        long before = total(tenant, "requests");
        assertTrue(before > 0 && before < EVENTS, "4 batches counted before the crash: " + before);

        try (UsageIngestor restarted = ingestor(topic, "g-" + topic, (connection, batch) -> { })) {
            Thread.ofPlatform().start(restarted);
            await("all counted", Duration.ofSeconds(90), counted(tenant, EVENTS));
            assertExactlyCounted(tenant);
        }
    }

    @Test
    void counts_every_event_exactly_once_across_a_rebalance() throws Exception {
        String tenant1 = "t-rebalance-a-" + UUID.randomUUID();
        String tenant2 = "t-rebalance-b-" + UUID.randomUUID();
        String topic = TestTopic.create(bootstrapServers);
        List<AccessEvent> all = new ArrayList<>(events(tenant1, EVENTS));
        all.addAll(events(tenant2, EVENTS));
        UsageIngestor.BeforeCommit slow = (connection, batch) -> Thread.sleep(20); // so that the rebalance comes mid-stream
        UsageIngestor one = ingestor(topic, "g-" + topic, slow);
        UsageIngestor two = ingestor(topic, "g-" + topic, slow);
        Thread.ofPlatform().start(one);
        Thread.ofPlatform().start(two);
        TestTopic.publish(bootstrapServers, topic, all);
        await("some counted", Duration.ofSeconds(60), () -> one.counted() + two.counted() > EVENTS / 2);
        one.close(); // leaves the group: its partitions move to the other consumer
        try (two) {
            await("all counted", Duration.ofSeconds(120), () -> {
                try {
                    return total(tenant1, "requests") + total(tenant2, "requests") >= 2L * EVENTS;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertExactlyCounted(tenant1);
            assertExactlyCounted(tenant2);
        }
    }

    @Test
    void counts_an_event_delivered_twice_once() throws Exception {
        String tenant = "t-twice-" + UUID.randomUUID();
        String topic = TestTopic.create(bootstrapServers);
        List<AccessEvent> events = events(tenant, EVENTS);
        // a node whose acknowledgement was lost sends the same event again, later (another batch) …
        TestTopic.publish(bootstrapServers, topic, events);
        List<AccessEvent> again = new ArrayList<>(events.subList(0, EVENTS / 2));
        // … or right behind the first copy (same poll)
        again.addAll(events.subList(EVENTS / 2, EVENTS).stream().flatMap(event -> java.util.stream.Stream.of(event, event)).toList());
        try (UsageIngestor ingestor = ingestor(topic, "g-" + topic, (connection, batch) -> { })) {
            Thread.ofPlatform().start(ingestor);
            await("first copies counted", Duration.ofSeconds(90), counted(tenant, EVENTS));
            TestTopic.publish(bootstrapServers, topic, again);
            await("second copies read", Duration.ofSeconds(90), () -> ingestor.duplicates() == again.size());
            assertExactlyCounted(tenant);
            assertEquals(EVENTS, ingestor.counted());
        }
        assertEquals(EVENTS, single("select count(*) from counted_event_ids where event_id in (select unnest(?::text[]))",
                events.stream().map(AccessEvent::id).toArray(String[]::new)));
    }

    @Test
    void rollups_keep_the_exact_totals_at_every_resolution() throws Exception {
        String tenant = "t-rollup-" + UUID.randomUUID();
        String topic = TestTopic.create(bootstrapServers);
        TestTopic.publish(bootstrapServers, topic, events(tenant, EVENTS));
        try (UsageIngestor ingestor = ingestor(topic, "g-" + topic, (connection, batch) -> { })) {
            Thread.ofPlatform().start(ingestor);
            await("all counted", Duration.ofSeconds(90), counted(tenant, EVENTS));
        }
        try (Connection connection = dataSource.getConnection()) {
            while (Rollup.pendingHours(connection, 1_000) > 0) {
                // until nothing is marked (the application's own rollup thread may take some)
            }
        }
        Map<String, Long> byTable = new HashMap<>();
        for (String table : List.of("usage_minute", "usage_hour", "usage_day")) {
            byTable.put(table, single("select coalesce(sum(requests), 0) from " + table + " where tenant_id = ? and api_id = '*'", tenant));
        }
        assertEquals(Map.of("usage_minute", (long) EVENTS, "usage_hour", (long) EVENTS, "usage_day", (long) EVENTS), byTable);
        assertTrue(single("select count(distinct bucket) from usage_hour where tenant_id = ?", tenant) >= 3, "three or four hours");
        assertEquals(EVENTS / 5, single("select coalesce(sum(requests), 0) from errors_day where tenant_id = ? "
                + "and error_type = 'INTERNAL' and api_id = '*'", tenant));
        assertEquals(EVENTS / 4, single("select coalesce(sum(requests), 0) from usage_day where tenant_id = ? and key_id = 'k-1'", tenant));
    }
}
