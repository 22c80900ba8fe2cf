package io.tollgate.gateway.integration;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The node's circuit breakers, one per upstream origin, kept across configuration changes. */
public final class CircuitBreakers {

    private final int failureThreshold;
    private final long openNanos;
    private final ConcurrentMap<String, CircuitBreaker> byOrigin = new ConcurrentHashMap<>();

    public CircuitBreakers(int failureThreshold, long openNanos) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openNanos;
    }

    public CircuitBreaker forUrl(String url) {
        return byOrigin.computeIfAbsent(origin(url), origin -> new CircuitBreaker(failureThreshold, openNanos));
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }
}
