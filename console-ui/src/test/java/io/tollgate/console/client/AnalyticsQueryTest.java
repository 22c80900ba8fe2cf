package io.tollgate.console.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnalyticsQueryTest {

    @Test
    void unset_filters_are_left_out_and_values_are_encoded() {
        Instant from = Instant.parse("2026-12-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-02T00:00:00Z");
        assertEquals("from=2026-12-01T00%3A00%3A00Z&to=2026-12-02T00%3A00%3A00Z",
                new AnalyticsClient.Query(from, to, null, null, "").parameters());
        assertEquals("from=2026-12-01T00%3A00%3A00Z&to=2026-12-02T00%3A00%3A00Z&apiId=a-1&stage=pr+od&keyId=k%2F1",
                new AnalyticsClient.Query(from, to, "a-1", "pr od", "k/1").parameters());
    }
}
