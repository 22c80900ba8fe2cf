package io.tollgate.analytics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.analytics.ingest.TestTopic;
import io.tollgate.analytics.ingest.UsageIngestor;
import io.tollgate.analytics.rollup.Rollup;
import io.tollgate.analytics.usage.Resolution;
import io.tollgate.contract.v1.AccessEvent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The analytics queries over a known set of events, counted by the real ingest into real PostgreSQL. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageQueriesTest {

    @Inject
    DataSource dataSource;

    @Inject
    UsageQueries queries;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String tenant = "t-queries-" + UUID.randomUUID();
    private final String otherTenant = "t-other-" + UUID.randomUUID();
    /** Two days ago at 10:00 UTC: all events fall in one hour of one day. */
    private final Instant hour = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)).plus(Duration.ofHours(10));

    private AccessEvent event(String tenantId, int i, String route, int status, String keyId, long latencyMicros, String cache,
            String error) {
        return new AccessEvent(UUID.randomUUID().toString(), hour.toEpochMilli() + i * 1_000L, tenantId, "a-1", "prod", route, "GET",
                status, latencyMicros, -1, 0, 1_000, keyId, cache, error, "r", "127.0.0.1");
    }

    @BeforeAll
    void countAKnownSet() throws Exception {
        List<AccessEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // /a: 100 × 200, key k-1, latency 1..100 ms, cache hit on even
            events.add(event(tenant, i, "/a", 200, "k-1", (i + 1) * 1_000L, i % 2 == 0 ? "HIT" : "MISS", null));
        }
        for (int i = 0; i < 30; i++) { // /b: 30 × 429 THROTTLED, key k-2
            events.add(event(tenant, 100 + i, "/b", 429, "k-2", 500, null, "THROTTLED"));
        }
        for (int i = 0; i < 10; i++) { // unmatched: 10 × 404, no key
            events.add(event(tenant, 200 + i, null, 404, null, 300, null, "ROUTE_NOT_FOUND"));
        }
        for (int i = 0; i < 50; i++) { // another tenant, same API id: must never show
            events.add(event(otherTenant, i, "/a", 200, "k-1", 1_000, "HIT", null));
        }
        String topic = TestTopic.create(bootstrapServers);
        TestTopic.publish(bootstrapServers, topic, events);
        try (UsageIngestor ingestor = new UsageIngestor(dataSource, Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "g-" + topic), topic, (connection, batch) -> { })) {
            Thread.ofPlatform().start(ingestor);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (ingestor.counted() < events.size()) {
                assertTrue(System.nanoTime() < deadline, "events counted");
                Thread.sleep(100);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            while (Rollup.pendingHours(connection, 1_000) > 0) {
                // until every marked hour is rolled up
            }
        }
    }

    private UsageFilter day(String apiId, String keyId) {
        Instant day = Resolution.DAY.bucketOf(hour);
        return UsageFilter.parse(tenant, day.toString(), day.plus(Duration.ofDays(1)).toString(), apiId, null, null, keyId);
    }

    @Test
    void a_minute_series_has_the_tenants_requests_and_statuses_only() {
        Views.Series series = queries.series(day(null, null), Resolution.MINUTE).await().indefinitely();
        assertEquals(140, series.points().stream().mapToLong(Views.Point::requests).sum());
        assertEquals(100, series.points().stream().mapToLong(Views.Point::status2xx).sum());
        assertEquals(40, series.points().stream().mapToLong(Views.Point::status4xx).sum());
        assertEquals(30, series.points().stream().mapToLong(Views.Point::throttles).sum());
        assertEquals(4, series.points().size(), "events spread over minutes 0..3 of the hour");
        Views.Series hourly = queries.series(day(null, "k-2"), Resolution.HOUR).await().indefinitely();
        assertEquals(List.of(30L), hourly.points().stream().map(Views.Point::requests).toList());
    }

    @Test
    void top_routes_and_keys_rank_by_requests() {
        Views.Top routes = queries.top(day(null, null), "route", 10).await().indefinitely();
        assertEquals(List.of("GET /a", "GET /b", "-"), routes.items().stream().map(Views.Ranked::value).toList());
        assertEquals(List.of(100L, 30L, 10L), routes.items().stream().map(Views.Ranked::requests).toList());
        Views.Top keys = queries.top(day(null, null), "key", 1).await().indefinitely();
        assertEquals("k-1", keys.items().getFirst().value());
        assertEquals(1, keys.items().size());
    }

    @Test
    void usage_per_key_per_day_pages_with_a_cursor() {
        Views.KeyUsagePage first = queries.keyUsage(day(null, null), null, 1).await().indefinitely();
        assertEquals(1, first.items().size());
        assertEquals("k-1", first.items().getFirst().keyId());
        assertEquals(100, first.items().getFirst().requests());
        Views.KeyUsagePage second = queries.keyUsage(day(null, null), first.nextCursor(), 1).await().indefinitely();
        assertEquals("k-2", second.items().getFirst().keyId());
        assertEquals(30, second.items().getFirst().requests());
        assertNull(second.nextCursor(), "k-2 is the last key: no further page");
        Views.KeyUsagePage both = queries.keyUsage(day(null, null), null, 10).await().indefinitely();
        assertEquals(List.of("k-1", "k-2"), both.items().stream().map(Views.KeyDay::keyId).toList(), "no '-' (keyless) or '*' rows");
        assertThrows(ProblemException.class, () -> queries.keyUsage(day(null, null), "garbage", 1).await().indefinitely());
    }

    @Test
    void latency_percentiles_come_from_the_merged_histograms() {
        Views.Latency latency = queries.latency(day(null, "k-1")).await().indefinitely(); // 1, 2, … 100 ms
        assertEquals(100, latency.requests());
        assertEquals(50, latency.p50Ms(), 1.0);
        assertEquals(95, latency.p95Ms(), 1.0);
        assertEquals(99, latency.p99Ms(), 1.0);
        assertEquals(100, latency.maxMs(), 0.001);
    }

    @Test
    void errors_by_type_and_the_cache_hit_ratio() {
        Views.Errors errors = queries.errors(day(null, null)).await().indefinitely();
        assertEquals(40, errors.requests());
        assertEquals(List.of(new Views.ErrorCount("THROTTLED", 30), new Views.ErrorCount("ROUTE_NOT_FOUND", 10)), errors.byType());
        Views.Cache cache = queries.cache(day(null, null)).await().indefinitely();
        assertEquals(50, cache.hits());
        assertEquals(50, cache.misses());
        assertEquals(0.5, cache.hitRatio(), 1e-9);
    }

    @Test
    void rejects_a_range_that_ends_before_it_starts() {
        assertThrows(ProblemException.class, () -> UsageFilter.parse(tenant, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z",
                null, null, null, null));
        assertThrows(ProblemException.class, () -> UsageFilter.parse(tenant, "yesterday", null, null, null, null, null));
    }
}
