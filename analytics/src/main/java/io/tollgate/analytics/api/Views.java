package io.tollgate.analytics.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The analytics API's response bodies. */
public final class Views {

    private Views() {
    }

    @Schema(description = "Totals of one time bucket")
    public record Point(Instant time, long requests, long status1xx, long status2xx, long status3xx, long status4xx, long status5xx,
            long errors, long throttles, long cacheHits, long cacheMisses, long bytesIn, long bytesOut,
            @Schema(description = "Mean gateway latency in milliseconds") double meanLatencyMs) {
    }

    @Schema(description = "A time series at one resolution")
    public record Series(String resolution, Instant from, Instant to, List<Point> points) {
    }

    @Schema(description = "One entry of a top-N list")
    public record Ranked(String value, long requests, long errors, long bytesOut) {
    }

    @Schema(description = "Top values of a dimension by requests")
    public record Top(String dimension, Instant from, Instant to, List<Ranked> items) {
    }

    @Schema(description = "Requests of one API key on one UTC day")
    public record KeyDay(String keyId, LocalDate day, long requests, long bytesOut) {
    }

    @Schema(description = "A page of per-key daily usage; pass nextCursor as cursor for the next page")
    public record KeyUsagePage(List<KeyDay> items, String nextCursor) {
    }

    @Schema(description = "Gateway latency percentiles over the range, in milliseconds (1 % precision)")
    public record Latency(long requests, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {
    }

    @Schema(description = "Requests answered with a gateway error of one type")
    public record ErrorCount(String errorType, long requests) {
    }

    @Schema(description = "Gateway errors by type over the range")
    public record Errors(long requests, List<ErrorCount> byType) {
    }

    @Schema(description = "Response cache hits and misses over the range")
    public record Cache(long hits, long misses, @Schema(description = "hits / (hits + misses); 0 without lookups") double hitRatio) {
    }
}
