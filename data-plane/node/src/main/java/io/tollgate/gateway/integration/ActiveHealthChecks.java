package io.tollgate.gateway.integration;

import io.tollgate.contract.v1.IntegrationConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Active health checks of pool targets: each (target, check settings) is probed on its own timer,
 * shared by every configuration version that uses it, and stopped once the configuration no longer
 * does. A target is taken out of its pools after {@code unhealthyThreshold} failed probes in a row
 * and put back after {@code healthyThreshold} good ones; targets start healthy.
 */
public final class ActiveHealthChecks {

    /** The health a probe has established for one target; read on the request path. */
    public static final class Probe {
        private volatile boolean healthy = true;
        private int successes;
        private int failures;
        private long timer;

        public boolean healthy() {
            return healthy;
        }

        void record(boolean ok, IntegrationConfig.HealthCheck check) {
            if (ok) {
                failures = 0;
                if (!healthy && ++successes >= check.healthyThreshold()) {
                    healthy = true;
                    successes = 0;
                }
            } else {
                successes = 0;
                if (healthy && ++failures >= check.unhealthyThreshold()) {
                    healthy = false;
                    failures = 0;
                }
            }
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final ConcurrentMap<String, Probe> probes = new ConcurrentHashMap<>();
    private final Set<String> usedByLatestCompile = new HashSet<>();

    public ActiveHealthChecks(Vertx vertx, HttpClient client) {
        this.vertx = vertx;
        this.client = client;
    }

    /** The probe of a target under these settings, started on first use. */
    Probe track(String baseUrl, IntegrationConfig.HealthCheck check) {
        String key = baseUrl + "|" + check;
        synchronized (usedByLatestCompile) {
            usedByLatestCompile.add(key);
        }
        return probes.computeIfAbsent(key, k -> start(baseUrl, check));
    }

    private Probe start(String baseUrl, IntegrationConfig.HealthCheck check) {
        Probe probe = new Probe();
        String url = baseUrl + (check.path().startsWith("/") ? check.path() : "/" + check.path());
        probe.timer = vertx.setPeriodic(check.intervalSeconds() * 1000L, id -> client
                .request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setTimeout(check.timeoutMillis()))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> probe.record(result.succeeded() && result.result() / 100 == 2, check)));
        return probe;
    }

    /** Called before compiling a configuration: starts collecting what it uses. */
    public void beginCompile() {
        synchronized (usedByLatestCompile) {
            usedByLatestCompile.clear();
        }
    }

    /** Called after: stops probes the new configuration no longer uses. */
    public void endCompile() {
        Set<String> used;
        synchronized (usedByLatestCompile) {
            used = Set.copyOf(usedByLatestCompile);
        }
        probes.entrySet().removeIf(entry -> {
            if (used.contains(entry.getKey())) {
                return false;
            }
            vertx.cancelTimer(entry.getValue().timer);
            return true;
        });
    }

    int running() {
        return probes.size();
    }
}
