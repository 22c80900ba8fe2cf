package io.tollgate.console.ui.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollgate.console.client.Analytics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficSeriesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T03:17:42.123Z");

    private static Analytics.Point point(String time, long s2xx, long s4xx, long s5xx, long hits, long misses, double meanMs) {
        return new Analytics.Point(Instant.parse(time), s2xx + s4xx + s5xx, 0, s2xx, 0, s4xx, s5xx, 0, 0, hits, misses, 0, 0, meanMs);
    }

    @Test
    void each_range_ends_with_the_current_bucket_and_starts_on_a_bucket_boundary() {
        assertEquals(new DashboardRange.Window(Instant.parse("2026-12-01T02:18:00Z"), Instant.parse("2026-12-01T03:18:00Z")),
                DashboardRange.LAST_HOUR.window(NOW));
        assertEquals(new DashboardRange.Window(Instant.parse("2026-11-30T04:00:00Z"), Instant.parse("2026-12-01T04:00:00Z")),
                DashboardRange.LAST_DAY.window(NOW));
        assertEquals(new DashboardRange.Window(Instant.parse("2026-11-24T04:00:00Z"), Instant.parse("2026-12-01T04:00:00Z")),
                DashboardRange.LAST_WEEK.window(NOW));
        assertEquals(new DashboardRange.Window(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z")),
                DashboardRange.LAST_MONTH.window(NOW));
        assertEquals(List.of("minute", "hour", "hour", "day"),
                Arrays.stream(DashboardRange.values()).map(DashboardRange::resolution).toList());
    }

    @Test
    void buckets_without_traffic_become_zeros_so_the_chart_has_one_point_per_bucket() {
        DashboardRange.Window window = DashboardRange.LAST_HOUR.window(NOW);
        TrafficSeries series = TrafficSeries.of(new Analytics.Series("MINUTE", window.from(), window.to(), List.of(
                point("2026-12-01T02:18:00Z", 5, 1, 0, 0, 0, 2.0),
                point("2026-12-01T03:17:00Z", 3, 0, 1, 3, 1, 10.04))), window, ChronoUnit.MINUTES);

        assertEquals(60, series.labels().size());
        assertEquals("02:18", series.labels().getFirst());
        assertEquals("03:17", series.labels().getLast());
        List<Long> requests = series.values(Analytics.Point::requests);
        assertEquals(6L, requests.getFirst());
        assertEquals(0L, requests.get(30));
        assertEquals(4L, requests.getLast());
        assertEquals(new TrafficSeries.Totals(10, 1, 1), series.totals());
        assertEquals(0.2, series.totals().errorRatio(), 1e-9);
        assertNull(series.cacheHitPercent().getFirst(), "no lookups: a gap, not 0 %");
        assertEquals(75.0, series.cacheHitPercent().getLast());
        assertNull(series.meanLatency().get(30));
        assertEquals(10.0, series.meanLatency().getLast());
    }

    @Test
    void hour_and_day_labels_name_the_bucket() {
        DashboardRange.Window day = DashboardRange.LAST_DAY.window(NOW);
        TrafficSeries hours = TrafficSeries.of(new Analytics.Series("HOUR", day.from(), day.to(), List.of()), day, ChronoUnit.HOURS);
        assertEquals("11-30 04:00", hours.labels().getFirst());
        assertEquals("12-01 03:00", hours.labels().getLast());
        DashboardRange.Window month = DashboardRange.LAST_MONTH.window(NOW);
        TrafficSeries days = TrafficSeries.of(new Analytics.Series("DAY", month.from(), month.to(), List.of()), month, ChronoUnit.DAYS);
        assertEquals(30, days.labels().size());
        assertEquals("12-01", days.labels().getLast());
        assertEquals(new TrafficSeries.Totals(0, 0, 0), days.totals());
        assertEquals(0, days.totals().errorRatio());
    }

    @Test
    void the_requests_chart_stacks_one_series_per_status_class_and_honours_the_animation_switch() {
        DashboardRange.Window window = DashboardRange.LAST_HOUR.window(NOW);
        TrafficSeries series = TrafficSeries.of(new Analytics.Series("MINUTE", window.from(), window.to(),
                List.of(point("2026-12-01T03:17:00Z", 3, 2, 1, 0, 0, 1))), window, ChronoUnit.MINUTES);
        ObjectNode option = DashboardCharts.requestsByStatus(series, false);
        assertEquals(false, option.get("animation").asBoolean());
        assertEquals(60, option.at("/xAxis/data").size());
        assertEquals(5, option.get("series").size());
        assertEquals("4xx", option.at("/series/3/name").asText());
        assertEquals("requests", option.at("/series/3/stack").asText());
        assertEquals(2, option.at("/series/3/data/59").asLong());
        assertEquals(1, option.at("/series/4/data/59").asLong());
        assertEquals(true, DashboardCharts.requestsByStatus(series, true).get("animation").asBoolean());
    }

    @Test
    void latency_and_cache_lines_leave_gaps_where_nothing_was_measured() {
        DashboardRange.Window window = DashboardRange.LAST_HOUR.window(NOW);
        TrafficSeries series = TrafficSeries.of(new Analytics.Series("MINUTE", window.from(), window.to(),
                List.of(point("2026-12-01T03:17:00Z", 4, 0, 0, 1, 3, 12.34))), window, ChronoUnit.MINUTES);
        ObjectNode option = DashboardCharts.latencyAndCache(series, false);
        assertEquals(2, option.get("yAxis").size());
        assertEquals(12.3, option.at("/series/0/data/59").asDouble());
        assertEquals(25.0, option.at("/series/1/data/59").asDouble());
        assertEquals(1, option.at("/series/1/yAxisIndex").asInt());
        assertEquals(true, option.at("/series/0/data/0").isNull());
    }

    @Test
    void errors_by_type_put_the_most_frequent_on_top() {
        ObjectNode option = DashboardCharts.errorsByType(new Analytics.Errors(9, List.of(
                new Analytics.ErrorCount("THROTTLED", 2), new Analytics.ErrorCount("INVALID_API_KEY", 7))), false);
        // ECharts draws category axes bottom up: the last category is the top bar
        assertEquals("INVALID_API_KEY", option.at("/yAxis/data/1").asText());
        assertEquals(7, option.at("/series/0/data/1").asLong());
        assertEquals("THROTTLED", option.at("/yAxis/data/0").asText());
    }
}
