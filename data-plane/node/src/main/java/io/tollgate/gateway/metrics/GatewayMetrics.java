package io.tollgate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Request metrics per tenant, API and stage: counts by status class, the gateway's total latency
 * and the integration's share of it, as histograms (Prometheus buckets) so that percentiles can be
 * aggregated across nodes. Meters are created once per stage and kept, so a request only looks
 * them up in one map.
 */
public final class GatewayMetrics {

    /** Requests that never reached a stage (unknown host, not ready) count under this name. */
    public static final String NONE = "-";

    private static final Duration MIN_EXPECTED = Duration.ofMillis(1);
    private static final Duration MAX_EXPECTED = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final ConcurrentMap<String, StageMeters> stages = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private final class StageMeters {
        final String tenant;
        final String api;
        final String stage;
        final Counter[] byStatusClass = new Counter[6];
        final Timer gateway;
        final ConcurrentMap<String, Timer> integrations = new ConcurrentHashMap<>();

        StageMeters(String tenant, String api, String stage) {
            this.tenant = tenant;
            this.api = api;
            this.stage = stage;
            for (int statusClass = 1; statusClass <= 5; statusClass++) {
                byStatusClass[statusClass] = Counter.builder("tollgate.requests")
                        .description("Requests answered by the gateway, by status class")
                        .tags("tenant", tenant, "api", api, "stage", stage, "status", statusClass + "xx")
                        .register(registry);
            }
            gateway = latency("tollgate.request.duration", "Time from request to response end, as the client sees it")
                    .tags("tenant", tenant, "api", api, "stage", stage).register(registry);
        }

        Timer integration(String type) {
            return integrations.computeIfAbsent(type, t -> latency("tollgate.integration.duration",
                    "Time the integration took to answer (until its response headers)")
                    .tags("tenant", tenant, "api", api, "stage", stage, "integration", t).register(registry));
        }
    }

    private static Timer.Builder latency(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED).maximumExpectedValue(MAX_EXPECTED);
    }

    /** Keyed by the stage's id: unique, and a String whose hash is computed once, not per request. */
    private StageMeters meters(String stageId, String tenant, String api, String stage) {
        StageMeters meters = stages.get(stageId);
        return meters != null ? meters : stages.computeIfAbsent(stageId, key -> new StageMeters(tenant, api, stage));
    }

    public void request(String stageId, String tenant, String api, String stage, int status, long nanos) {
        StageMeters meters = meters(stageId, tenant, api, stage);
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= 5) {
            meters.byStatusClass[statusClass].increment();
        }
        meters.gateway.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void integration(String stageId, String tenant, String api, String stage, String type, long nanos) {
        meters(stageId, tenant, api, stage).integration(type).record(nanos, TimeUnit.NANOSECONDS);
    }
}
