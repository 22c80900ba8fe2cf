package io.tollgate.analytics.rollup;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tollgate.analytics.ingest.CountedEventIds;
import io.tollgate.analytics.usage.Resolution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the rollups every interval and the retention policy (aggregates, and the ids kept to count each
 * event once) once an hour, on a thread of their own.
 */
@ApplicationScoped
public class RollupService {

    private static final Logger LOG = Logger.getLogger(RollupService.class);

    @ConfigProperty(name = "tollgate.analytics.rollup.interval")
    Duration interval;

    @ConfigProperty(name = "tollgate.analytics.retention.minutes")
    Duration keepMinutes;

    @ConfigProperty(name = "tollgate.analytics.retention.hours")
    Duration keepHours;

    @ConfigProperty(name = "tollgate.analytics.retention.days")
    Duration keepDays;

    @ConfigProperty(name = "tollgate.analytics.dedupe.window")
    Duration dedupeWindow;

    private volatile boolean running = true;
    private Thread thread;

    void start(@Observes StartupEvent event, DataSource dataSource) {
        thread = Thread.ofPlatform().name("usage-rollup").daemon().unstarted(() -> loop(dataSource));
        thread.start();
    }

    private void loop(DataSource dataSource) {
        Instant nextRetention = Instant.now();
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                while (running && Rollup.pendingHours(connection, 100) == 100) {
                    // more marked hours than one round takes: go on
                }
                if (Instant.now().isAfter(nextRetention)) {
                    long deleted = Rollup.retention(connection, Instant.now(),
                            Map.of(Resolution.MINUTE, keepMinutes, Resolution.HOUR, keepHours, Resolution.DAY, keepDays));
                    long forgotten = CountedEventIds.prune(connection, Instant.now().minus(dedupeWindow));
                    LOG.debugf("retention deleted %d aggregate rows and %d counted event ids", deleted, forgotten);
                    nextRetention = Instant.now().plus(Duration.ofHours(1));
                }
            } catch (Exception e) {
                LOG.error("rollup failed; trying again next round", e);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
