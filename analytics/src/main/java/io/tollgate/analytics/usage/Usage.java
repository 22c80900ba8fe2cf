package io.tollgate.analytics.usage;

import io.tollgate.contract.v1.AccessEvent;
import org.HdrHistogram.Histogram;

/**
 * The running totals of one aggregate row: counts by status class, gateway errors, throttles,
 * cache hits and misses, bytes, and the latency distribution. Adds events and merges other totals
 * (a stored row, or minutes into an hour).
 */
public final class Usage {

    public long requests;
    public final long[] byStatusClass = new long[6]; // index 1..5
    public long errors;
    public long throttles;
    public long cacheHits;
    public long cacheMisses;
    public long bytesIn;
    public long bytesOut;
    public long latencySumMicros;
    public long latencyMaxMicros;
    public Histogram latency = LatencyHistograms.empty();

    public static boolean isThrottle(String errorType) {
        return "THROTTLED".equals(errorType) || "QUOTA_EXCEEDED".equals(errorType);
    }

    public void add(AccessEvent event) {
        requests++;
        int statusClass = event.statusClass();
        if (statusClass >= 1 && statusClass <= 5) {
            byStatusClass[statusClass]++;
        }
        if (event.errorType() != null) {
            errors++;
            if (isThrottle(event.errorType())) {
                throttles++;
            }
        }
        if ("HIT".equals(event.cacheStatus())) {
            cacheHits++;
        } else if ("MISS".equals(event.cacheStatus())) {
            cacheMisses++;
        }
        bytesIn += event.bytesIn();
        bytesOut += event.bytesOut();
        latencySumMicros += event.latencyMicros();
        latencyMaxMicros = Math.max(latencyMaxMicros, event.latencyMicros());
        LatencyHistograms.record(latency, event.latencyMicros());
    }

    public void merge(Usage other) {
        requests += other.requests;
        for (int i = 1; i <= 5; i++) {
            byStatusClass[i] += other.byStatusClass[i];
        }
        errors += other.errors;
        throttles += other.throttles;
        cacheHits += other.cacheHits;
        cacheMisses += other.cacheMisses;
        bytesIn += other.bytesIn;
        bytesOut += other.bytesOut;
        latencySumMicros += other.latencySumMicros;
        latencyMaxMicros = Math.max(latencyMaxMicros, other.latencyMaxMicros);
        latency.add(other.latency);
    }
}
