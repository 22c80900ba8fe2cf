package io.tollgate.controlplane.publish;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to the config topic, in sequence order, off the request path: on a timer and
 * whenever a change was committed ({@link #nudge()}).
 *
 * <p>Each pass is one transaction that first tries a transaction-level advisory lock: with several
 * control-plane replicas only the one holding it relays, so rows are neither published twice at once
 * nor out of order. Rows are marked published only after Kafka acknowledged them, and only the acked
 * prefix: a failure leaves the rest for the next pass, which re-sends from the first unacknowledged
 * row in order. Delivery is at least once; the node applies records by key, so a repeat is harmless,
 * and because re-sends keep sequence order the last message of every key is always its latest state.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay ("tg-rel" in ASCII), distinct from the writers' lock. */
    static final long RELAY_LOCK = 0x74672d72656cL;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tollgate.config.topic", defaultValue = "tollgate.config")
    String topic;

    @ConfigProperty(name = "tollgate.config.relay.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "tollgate.config.relay.interval", defaultValue = "PT1S")
    Duration interval;

    @ConfigProperty(name = "tollgate.config.relay.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "tollgate.config.relay.delivery-timeout", defaultValue = "PT30S")
    Duration deliveryTimeout;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean closed;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("config relay disabled (tollgate.config.relay.enabled=false): outbox rows are not published");
            return;
        }
        thread = new Thread(this::run, "tollgate-config-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        closed = true;
        wake.release();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    /** Asks for a pass soon: called after a configuration change committed, for low propagation delay. */
    public void nudge() {
        wake.release();
    }

    private void run() {
        while (!closed) {
            try {
                wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                // Keep going while full batches come back: a backlog drains without waiting for the timer.
                while (!closed && relayOnce() >= batchSize) {
                    LOG.debug("config relay: more rows waiting");
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("config relay pass failed (%s); retrying in %s", e.getMessage(), interval);
                closeProducer();
            }
        }
    }

    /** One pass; returns how many rows it published (0 when another replica holds the relay lock). */
    int relayOnce() {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select pg_try_advisory_xact_lock($1) as locked").execute(Tuple.of(RELAY_LOCK))
                        .chain(rows -> rows.iterator().next().getBoolean("locked")
                                ? publishBatch(connection)
                                : Uni.createFrom().item(0)))
                .await().atMost(deliveryTimeout.multipliedBy(2));
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection.preparedQuery("select seq, record_key, payload from config_outbox where published_at is null "
                        + "order by seq limit $1").execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    return batch;
                })
                // Sending may block on metadata: never on the event loop of the connection.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(-1L) : send(batch))
                .chain(lastAcked -> lastAcked < 0 ? Uni.createFrom().item(0) : connection
                        .preparedQuery("update config_outbox set published_at = now() where published_at is null and seq <= $1")
                        .execute(Tuple.of(lastAcked)).map(result -> result.rowCount()));
    }

    /** Sends the rows in order; returns the sequence number of the last row of the acknowledged prefix, or -1. */
    private Uni<Long> send(List<Row> batch) {
        KafkaProducer<String, byte[]> kafka = producer();
        List<Uni<Boolean>> acks = new ArrayList<>();
        for (Row row : batch) {
            byte[] payload = row.getBuffer("payload") == null ? null : row.getBuffer("payload").getBytes();
            var message = ConfigProducer.message(topic, row.getLong("seq"), row.getString("record_key"), payload);
            acks.add(Uni.createFrom().<Boolean>emitter(emitter -> kafka.send(message, (metadata, error) -> {
                if (error != null) {
                    LOG.warnf("publishing %s (revision %d) failed: %s", message.key(), row.getLong("seq"), error.getMessage());
                }
                emitter.complete(error == null);
            })));
        }
        return Uni.join().all(acks).andCollectFailures()
                // Acks complete on the producer's I/O thread, which must not close its own producer.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(results -> {
            long lastAcked = -1;
            for (int i = 0; i < results.size() && results.get(i); i++) {
                lastAcked = batch.get(i).getLong("seq");
            }
            if (lastAcked != batch.get(batch.size() - 1).getLong("seq")) {
                // A fresh producer on the next pass: the failed one's sequence state is no longer trustworthy.
                closeProducer();
            }
            return lastAcked;
        });
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = ConfigProducer.create(bootstrapServers, (int) deliveryTimeout.toMillis());
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
