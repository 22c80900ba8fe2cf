package io.tollgate.console.ui.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollgate.console.client.Analytics;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The ECharts options of the dashboard's charts, built from the analytics API's answers. */
public final class DashboardCharts {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Status classes, their series names and colours (green for success, amber and red for errors). */
    private static final List<StatusClass> CLASSES = List.of(
            new StatusClass("1xx", "#8da2b5", Analytics.Point::status1xx),
            new StatusClass("2xx", "#2e9e5b", Analytics.Point::status2xx),
            new StatusClass("3xx", "#4a7fc1", Analytics.Point::status3xx),
            new StatusClass("4xx", "#e0a526", Analytics.Point::status4xx),
            new StatusClass("5xx", "#d6453d", Analytics.Point::status5xx));

    private record StatusClass(String name, String colour, Function<Analytics.Point, Long> count) {
    }

    private DashboardCharts() {
    }

    /** Requests per bucket, stacked by status class. */
    public static ObjectNode requestsByStatus(TrafficSeries series, boolean animation) {
        ObjectNode option = base(series, animation);
        option.putObject("yAxis").put("type", "value").put("minInterval", 1).put("name", "requests");
        ArrayNode all = option.putArray("series");
        for (StatusClass statusClass : CLASSES) {
            ObjectNode one = all.addObject().put("name", statusClass.name()).put("type", "bar").put("stack", "requests")
                    .put("barMaxWidth", 24);
            one.putObject("itemStyle").put("color", statusClass.colour());
            series.values(statusClass.count()).forEach(one.putArray("data")::add);
        }
        return option;
    }

    /** Mean gateway latency (ms, left axis) and cache hit ratio (%, right axis) per bucket. */
    public static ObjectNode latencyAndCache(TrafficSeries series, boolean animation) {
        ObjectNode option = base(series, animation);
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").put("name", "ms");
        axes.addObject().put("type", "value").put("name", "cache hit %").put("min", 0).put("max", 100);
        ArrayNode all = option.putArray("series");
        ObjectNode latency = all.addObject().put("name", "Mean latency (ms)").put("type", "line").put("yAxisIndex", 0)
                .put("connectNulls", false).put("symbolSize", 6);
        latency.putObject("itemStyle").put("color", "#4a7fc1");
        series.meanLatency().forEach(v -> addNullable(latency.withArray("data"), v));
        ObjectNode cache = all.addObject().put("name", "Cache hit ratio (%)").put("type", "line").put("yAxisIndex", 1)
                .put("connectNulls", false).put("symbolSize", 6);
        cache.putObject("itemStyle").put("color", "#2e9e5b");
        series.cacheHitPercent().forEach(v -> addNullable(cache.withArray("data"), v));
        return option;
    }

    /** Gateway errors by type (THROTTLED, QUOTA_EXCEEDED, …) over the range, as horizontal bars. */
    public static ObjectNode errorsByType(Analytics.Errors errors, boolean animation) {
        ObjectNode option = JSON.createObjectNode().put("animation", animation);
        option.putObject("grid").put("left", 150).put("right", 24).put("top", 16).put("bottom", 24);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("xAxis").put("type", "value").put("minInterval", 1);
        ObjectNode categories = option.putObject("yAxis").put("type", "category");
        ArrayNode data = option.putArray("series").addObject().put("name", "requests").put("type", "bar").put("barMaxWidth", 20)
                .putArray("data");
        option.withArray("series").get(0).withObject("itemStyle").put("color", "#d6453d");
        List<Analytics.ErrorCount> byType = errors.byType().stream() // ECharts lists categories bottom up: largest on top
                .sorted(Comparator.comparingLong(Analytics.ErrorCount::requests)).toList();
        ArrayNode names = categories.putArray("data");
        byType.forEach(e -> {
            names.add(e.errorType());
            data.add(e.requests());
        });
        return option;
    }

    private static ObjectNode base(TrafficSeries series, boolean animation) {
        ObjectNode option = JSON.createObjectNode().put("animation", animation);
        option.putObject("grid").put("left", 56).put("right", 56).put("top", 40).put("bottom", 32);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        series.labels().forEach(x.putArray("data")::add);
        return option;
    }

    private static void addNullable(ArrayNode data, Double value) {
        if (value == null) {
            data.addNull();
        } else {
            data.add(value);
        }
    }
}
