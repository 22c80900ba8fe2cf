package io.tollgate.analytics.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The end-to-end verdict: analytics reports exactly what the gateway's clients saw, no more, no less. */
final class ExactlyOnce {

    private ExactlyOnce() {
    }

    /**
     * Waits (bounded) until the node has handed every event to Kafka and analytics has counted at
     * least as many requests as were answered, then checks the count, the status classes and the keys.
     */
    static void assertCounted(Tally tally, GatewayMetrics gateway, AnalyticsApi analytics, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!gateway.drained()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the node still holds events after " + timeout.toSeconds() + " s: queued "
                        + gateway.value("tollgate_access_events_queued") + ", spool bytes "
                        + gateway.value("tollgate_access_events_spool_size_bytes"));
            }
            Thread.sleep(500);
        }
        analytics.awaitRequests(tally.requests(), Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(30).toNanos())));
        Thread.sleep(3_000); // a second copy of anything would have arrived by now (the ingest keeps up in well under a second)
        assertEquals(tally.requests(), analytics.requests(), "exactly N: none lost, none counted twice (" + tally + ")");
        for (String statusClass : List.of("2xx", "3xx", "4xx", "5xx")) {
            assertEquals(tally.statusClass(statusClass), analytics.minuteTotal("status" + statusClass, Map.of()), statusClass);
        }
        assertEquals(tally.status(429), analytics.minuteTotal("throttles", Map.of()), "throttled requests");
        assertEquals(tally.byKey(), ranked(analytics, "key"), "requests per key (keyless as -)");
    }

    /** {@code top} for a dimension as value → requests. */
    static Map<String, Long> ranked(AnalyticsApi analytics, String dimension) {
        Map<String, Long> counts = new TreeMap<>();
        List<Map<String, Object>> items = analytics.get("/top", Map.of("dimension", dimension, "limit", 100)).getList("items");
        items.forEach(item -> counts.put((String) item.get("value"), ((Number) item.get("requests")).longValue()));
        return counts;
    }
}
