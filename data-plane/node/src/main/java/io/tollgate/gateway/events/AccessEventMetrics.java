package io.tollgate.gateway.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The access-event pipeline on {@code /q/metrics}: what was published, spooled, replayed, dropped
 * (by reason) and how many requests were refused, plus the queue and spool levels.
 */
public final class AccessEventMetrics {

    final Counter published;
    final Counter spooled;
    final Counter replayed;
    final Counter droppedQueueFull;
    final Counter droppedSpoolFull;
    final Counter droppedRejectedByKafka;
    final Counter rejectedRequests;

    public AccessEventMetrics(MeterRegistry registry) {
        published = Counter.builder("tollgate.access.events.published")
                .description("Access events Kafka acknowledged (directly or replayed from the spool)").register(registry);
        spooled = Counter.builder("tollgate.access.events.spooled")
                .description("Access events written to the local spool because Kafka could not take them").register(registry);
        replayed = Counter.builder("tollgate.access.events.replayed")
                .description("Spooled access events Kafka acknowledged later").register(registry);
        droppedQueueFull = dropped(registry, "queue-full");
        droppedSpoolFull = dropped(registry, "spool-full");
        droppedRejectedByKafka = dropped(registry, "rejected-by-kafka");
        rejectedRequests = Counter.builder("tollgate.access.events.rejected.requests")
                .description("Requests refused with METERING_UNAVAILABLE because the spool was full (policy reject)")
                .register(registry);
    }

    private static Counter dropped(MeterRegistry registry, String reason) {
        return Counter.builder("tollgate.access.events.dropped").tag("reason", reason)
                .description("Access events lost: never reached Kafka nor the spool").register(registry);
    }

    void levels(MeterRegistry registry, Supplier<Number> queued, Supplier<Number> spoolBytes, Supplier<Number> spoolSegments,
            Supplier<Number> spoolFull) {
        Gauge.builder("tollgate.access.events.queued", queued).description("Access events waiting in memory").register(registry);
        Gauge.builder("tollgate.access.events.spool.size", spoolBytes).baseUnit("bytes")
                .description("Bytes of access events in the local spool").register(registry);
        Gauge.builder("tollgate.access.events.spool.segments", spoolSegments)
                .description("Segment files in the local spool").register(registry);
        Gauge.builder("tollgate.access.events.spool.full", spoolFull)
                .description("1 while the spool is full (events dropped or traffic rejected, by policy)").register(registry);
    }

    public double dropped() {
        return droppedQueueFull.count() + droppedSpoolFull.count() + droppedRejectedByKafka.count();
    }
}
