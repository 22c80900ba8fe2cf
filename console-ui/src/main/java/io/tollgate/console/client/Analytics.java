package io.tollgate.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The analytics API's JSON documents as the console reads them (see the analytics service's OpenAPI
 * document at /q/openapi). Unknown fields are ignored so the API can grow without breaking the console.
 */
public final class Analytics {

    private Analytics() {
    }

    /** Totals of one time bucket; buckets without traffic are absent from a series. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Point(Instant time, long requests, long status1xx, long status2xx, long status3xx, long status4xx,
                        long status5xx, long errors, long throttles, long cacheHits, long cacheMisses, long bytesIn,
                        long bytesOut, double meanLatencyMs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Series(String resolution, Instant from, Instant to, List<Point> points) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ranked(String value, long requests, long errors, long bytesOut) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Top(String dimension, List<Ranked> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KeyDay(String keyId, LocalDate day, long requests, long bytesOut) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KeyUsagePage(List<KeyDay> items, String nextCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Latency(long requests, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorCount(String errorType, long requests) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Errors(long requests, List<ErrorCount> byType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cache(long hits, long misses, double hitRatio) {
    }

    /** The tenant's platform price plan; prices in minor units of the currency. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PricePlan(String code, String currency, long includedRequests, boolean hardLimit,
                            long pricePerMillionRequests, long pricePerGbOut) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invoice(String period, String status, String plan, String currency, List<InvoiceLine> lines,
                          long totalMinor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvoiceLine(String item, String description, BigDecimal quantity, String unit, long unitPriceMinor,
                              long amountMinor) {
    }
}
