package io.tollgate.analytics.e2e;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of the gateway saw, request by request: the expected truth analytics must report
 * (every answered request is one access event). Thread-safe: load runs on several threads.
 */
final class Tally {

    /** Key id analytics reports for requests without a key. */
    static final String NO_KEY = "-";

    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> byStatusClass = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byKey = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byRoute = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byCacheStatus = new ConcurrentHashMap<>();

    /**
     * One answered request: its route as analytics names it ({@code METHOD /template}), key id (null:
     * none), status, and the gateway's cache status header (HIT, MISS, BYPASS; null without a cache).
     */
    void record(String route, String keyId, int status, String cacheStatus) {
        requests.increment();
        if (cacheStatus != null) {
            byCacheStatus.computeIfAbsent(cacheStatus, c -> new LongAdder()).increment();
        }
        byRoute.computeIfAbsent(route, r -> new LongAdder()).increment();
        byStatusClass.computeIfAbsent(status / 100 + "xx", c -> new LongAdder()).increment();
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        byKey.computeIfAbsent(keyId == null ? NO_KEY : keyId, k -> new LongAdder()).increment();
    }

    long requests() {
        return requests.sum();
    }

    /** e.g. {@code statusClass("4xx")}. */
    long statusClass(String statusClass) {
        LongAdder count = byStatusClass.get(statusClass);
        return count == null ? 0 : count.sum();
    }

    long status(int status) {
        LongAdder count = byStatus.get(status);
        return count == null ? 0 : count.sum();
    }

    /** Requests per key id ({@link #NO_KEY} for keyless), sorted by key. */
    Map<String, Long> byKey() {
        Map<String, Long> copy = new TreeMap<>();
        byKey.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    /** Answers with the given cache status header, e.g. {@code cacheStatus("HIT")}. */
    long cacheStatus(String cacheStatus) {
        LongAdder count = byCacheStatus.get(cacheStatus);
        return count == null ? 0 : count.sum();
    }

    /** Requests per route ({@code METHOD /template}), sorted. */
    Map<String, Long> byRoute() {
        Map<String, Long> copy = new TreeMap<>();
        byRoute.forEach((route, count) -> copy.put(route, count.sum()));
        return copy;
    }

    @Override
    public String toString() {
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        Map<String, Long> cache = new TreeMap<>();
        byCacheStatus.forEach((status, count) -> cache.put(status, count.sum()));
        return requests() + " requests, by status " + statuses + ", by key " + byKey() + ", by cache status " + cache;
    }
}
