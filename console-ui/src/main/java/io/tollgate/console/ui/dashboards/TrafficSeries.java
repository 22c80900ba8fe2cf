package io.tollgate.console.ui.dashboards;

import io.tollgate.console.client.Analytics;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A series as the charts draw it: one entry per bucket of the window, buckets without traffic as
 * zeros (the API leaves them out, and a chart that skips them would join distant points).
 */
public record TrafficSeries(List<String> labels, List<Analytics.Point> points) {

    public static TrafficSeries of(Analytics.Series series, DashboardRange.Window window, ChronoUnit bucket) {
        Map<Instant, Analytics.Point> byTime = series.points().stream()
                .collect(Collectors.toMap(Analytics.Point::time, Function.identity(), (a, b) -> a));
        DateTimeFormatter format = DateTimeFormatter.ofPattern(switch (bucket) {
            case MINUTES -> "HH:mm";
            case HOURS -> "MM-dd HH:00";
            default -> "MM-dd";
        }).withZone(ZoneOffset.UTC);
        List<String> labels = new ArrayList<>();
        List<Analytics.Point> points = new ArrayList<>();
        for (Instant t = window.from(); t.isBefore(window.to()); t = t.plus(1, bucket)) {
            labels.add(format.format(t));
            points.add(byTime.getOrDefault(t, new Analytics.Point(t, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        }
        return new TrafficSeries(List.copyOf(labels), List.copyOf(points));
    }

    public List<Long> values(Function<Analytics.Point, Long> metric) {
        return points.stream().map(metric).toList();
    }

    /** Cache hits ÷ lookups per bucket in percent; null (a gap in the line) where nothing was looked up. */
    public List<Double> cacheHitPercent() {
        return points.stream().map(p -> p.cacheHits() + p.cacheMisses() == 0 ? null
                : Math.round(1000.0 * p.cacheHits() / (p.cacheHits() + p.cacheMisses())) / 10.0).toList();
    }

    /** Mean gateway latency per bucket in ms; null where there were no requests. */
    public List<Double> meanLatency() {
        return points.stream().map(p -> p.requests() == 0 ? null : Math.round(p.meanLatencyMs() * 10) / 10.0).toList();
    }

    public Totals totals() {
        long requests = 0;
        long clientErrors = 0;
        long serverErrors = 0;
        for (Analytics.Point p : points) {
            requests += p.requests();
            clientErrors += p.status4xx();
            serverErrors += p.status5xx();
        }
        return new Totals(requests, clientErrors, serverErrors);
    }

    /** Requests and error responses over the window. */
    public record Totals(long requests, long clientErrors, long serverErrors) {

        /** (4xx + 5xx) ÷ requests; 0 without requests. */
        public double errorRatio() {
            return requests == 0 ? 0 : (double) (clientErrors + serverErrors) / requests;
        }
    }
}
