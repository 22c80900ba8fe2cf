package io.tollgate.analytics.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the ingest on a thread of its own (it blocks on Kafka and JDBC, never on an event loop) and
 * starts a new consumer when one fails (PostgreSQL away at assignment, …), after a pause.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tollgate.analytics.events.topic")
    String topic;

    @ConfigProperty(name = "tollgate.analytics.ingest.group")
    String group;

    @ConfigProperty(name = "tollgate.analytics.ingest.enabled")
    boolean enabled;

    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile UsageIngestor current;
    private volatile boolean running = true;
    private Thread thread;

    void start(@Observes StartupEvent event, DataSource dataSource, MeterRegistry registry) {
        FunctionCounter.builder("tollgate.analytics.events.counted", this, s -> s.counted.get() + (s.current == null ? 0 : s.current.counted()))
                .description("Access events counted into the aggregates (committed)").register(registry);
        FunctionCounter.builder("tollgate.analytics.events.duplicates", this,
                        s -> s.duplicates.get() + (s.current == null ? 0 : s.current.duplicates()))
                .description("Access events skipped because their id was already counted (delivered twice)").register(registry);
        if (!enabled) {
            return;
        }
        thread = Thread.ofPlatform().name("usage-ingest").unstarted(() -> supervise(dataSource));
        thread.start();
    }

    private void supervise(DataSource dataSource) {
        while (running) {
            UsageIngestor ingestor = new UsageIngestor(dataSource, Map.of("bootstrap.servers", bootstrapServers, "group.id", group,
                    "client.id", "usage-ingest"), topic, (connection, batch) -> { });
            current = ingestor;
            try {
                ingestor.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "the usage ingest stopped; starting again in 5 s");
                sleepQuietly(5_000);
            } finally {
                counted.addAndGet(ingestor.counted());
                duplicates.addAndGet(ingestor.duplicates());
                current = null;
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        UsageIngestor ingestor = current;
        if (ingestor != null) {
            ingestor.close();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
