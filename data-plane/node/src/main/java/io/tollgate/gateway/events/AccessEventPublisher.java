package io.tollgate.gateway.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.tollgate.contract.v1.AccessEvent;
import io.tollgate.contract.v1.AccessEventCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Gets every access event to Kafka without putting Kafka on the request path, and without losing
 * one when Kafka is away.
 *
 * <p>{@link #emit} only offers the event to a bounded in-memory queue (never blocks the event loop).
 * The spooler thread drains it in batches, encodes, and either sends to Kafka (idempotent producer,
 * acks=all, batched, compressed, keyed by tenant) or, while Kafka is not taking events, appends to the
 * {@link EventSpool}. An event Kafka fails to take (delivery timeout, broker away) goes to the spool
 * too, and from then on every event does, so that nothing overtakes what is spooled. The replayer
 * thread sends the spool's segments oldest first, deletes a segment once all its events are
 * acknowledged, and switches back to direct sending once the spool is empty.
 *
 * <p>{@link #close} sends or spools everything still in memory: direct sends get the shutdown
 * timeout to be acknowledged, the rest is spooled and replayed by the next start.
 */
public final class AccessEventPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AccessEventPublisher.class);
    static final int BATCH = 1024;
    /** How long the spooler sleeps when the queue is empty: adds at most this to an event's way to Kafka (linger is 20 ms). */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final EventSpool spool;
    private final SpoolFullPolicy fullPolicy;
    private final AccessEventMetrics metrics;
    private final Duration shutdownTimeout;
    private final BlockingQueue<AccessEvent> queue;
    /** Events Kafka failed to take, handed from the producer's thread to the spooler. Bounded by the producer's buffer. */
    private final ConcurrentLinkedQueue<ProducerRecord<String, byte[]>> failed = new ConcurrentLinkedQueue<>();
    private final Thread spooler;
    private final Thread replayer;
    /** Guarded by {@code spool}: true while events go straight to Kafka (the spool is empty and Kafka took the last ones). */
    private boolean direct;
    private volatile boolean running = true;

    public AccessEventPublisher(Map<String, Object> producerSettings, String topic, EventSpool spool, SpoolFullPolicy fullPolicy,
            int queueCapacity, Duration shutdownTimeout, MeterRegistry registry) {
        this.producer = new KafkaProducer<>(producerConfig(producerSettings), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.spool = spool;
        this.fullPolicy = fullPolicy;
        this.shutdownTimeout = shutdownTimeout;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.metrics = new AccessEventMetrics(registry);
        metrics.levels(registry, queue::size, spool::bytes, spool::segmentCount, () -> spool.isFull() ? 1 : 0);
        this.direct = spool.isEmpty();
        this.spooler = Thread.ofPlatform().name("access-event-spooler").daemon().unstarted(this::spoolLoop);
        this.replayer = Thread.ofPlatform().name("access-event-replayer").daemon().unstarted(this::replayLoop);
    }

    /** The producer settings the contract needs; the caller's (bootstrap servers, timeouts) come on top. */
    static Map<String, Object> producerConfig(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // lz4 runs as lz4-java's pure-Java compressor here (Kafka's client asks for the fastest instance, which is
        // native only when lz4-java sits in the system class loader, never under Quarkus). Snappy, whose codec is native
        // (JNI), was tried and crashed the packaged node's JVM in the library lookup (SIGSEGV in SnappyNative): a
        // gateway must not trade a microsecond per request for that.
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // the spooler waits at most this long for room in the producer's buffer before spooling instead
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        // an event Kafka has not acknowledged after this long goes to the spool
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        config.putAll(settings);
        return config;
    }

    public void start() {
        spooler.start();
        replayer.start();
    }

    /**
     * Hands over one event; never blocks. False when the in-memory queue is full (the event is
     * dropped and counted): the spooler is far behind, which the queue's size makes rare.
     */
    public boolean emit(AccessEvent event) {
        if (queue.offer(event)) {
            return true;
        }
        metrics.droppedQueueFull.increment();
        return false;
    }

    /** True while new requests must be refused: the spool is full and the policy says reject. */
    public boolean rejectsTraffic() {
        return fullPolicy == SpoolFullPolicy.REJECT && spool.isFull();
    }

    /** Counts a request refused because {@link #rejectsTraffic()}. */
    public void rejected() {
        metrics.rejectedRequests.increment();
    }

    public AccessEventMetrics metrics() {
        return metrics;
    }

    // --- spooler thread: memory → Kafka or spool ----------------------------------------------------

    private void spoolLoop() {
        List<AccessEvent> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                // Polls on a short sleep instead of waiting on the queue: a waiting consumer makes every
                // offer on the event loop a futex wake-up (a system call and a context switch per request).
                int drained = queue.drainTo(batch, BATCH);
                handOver(batch);
                spoolFailed();
                if (drained == 0) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            } catch (RuntimeException | IOException e) {
                LOG.error("access events could not be handed over; will retry", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void handOver(List<AccessEvent> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(batch.size());
        for (AccessEvent event : batch) {
            records.add(new ProducerRecord<>(topic, event.tenantId(), AccessEventCodec.encode(event)));
        }
        boolean sendDirectly;
        synchronized (spool) {
            sendDirectly = direct;
            if (!sendDirectly) {
                toSpool(records);
            }
        }
        if (sendDirectly) {
            boolean taken = true;
            for (ProducerRecord<String, byte[]> record : records) {
                // once one send failed (no metadata or buffer full for max.block.ms: the callback runs at once, or it
                // throws), the rest would wait as long: they go where the failed one goes
                taken = taken && failed.isEmpty() && sendDirect(record);
                if (!taken) {
                    failed.add(record);
                }
            }
        }
    }

    private boolean sendDirect(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    metrics.published.increment();
                } else if (refusedForGood(error)) {
                    LOG.errorf(error, "Kafka refused an access event for good; dropped");
                    metrics.droppedRejectedByKafka.increment();
                } else {
                    failed.add(record); // the spooler spools it; from now on everything goes to the spool
                }
            });
            return true;
        } catch (RuntimeException notTaken) {
            return false;
        }
    }

    /** Errors that a later attempt would meet again; anything else (timeouts, broker away, shutdown) is retried. */
    private static boolean refusedForGood(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof SerializationException;
    }

    private void spoolFailed() throws IOException {
        if (failed.isEmpty()) {
            return;
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record; (record = failed.poll()) != null; ) {
            records.add(record);
        }
        synchronized (spool) {
            if (direct) {
                LOG.warn("Kafka is not taking access events: spooling them to disk until it does");
            }
            toSpool(records);
        }
    }

    /** Caller holds the spool's lock. */
    private void toSpool(List<ProducerRecord<String, byte[]>> records) throws IOException {
        direct = false;
        List<byte[]> values = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            values.add(record.value());
        }
        int appended = spool.append(values);
        metrics.spooled.increment(appended);
        if (appended < values.size()) {
            metrics.droppedSpoolFull.increment(values.size() - appended);
        }
    }

    // --- replayer thread: spool → Kafka -------------------------------------------------------------

    private void replayLoop() {
        long backoffMillis = 200;
        while (running) {
            try {
                long segment;
                synchronized (spool) {
                    segment = direct ? -1 : spool.oldest();
                    if (segment < 0 && !direct && failed.isEmpty()) {
                        direct = true;
                        LOG.info("access-event spool drained: sending to Kafka directly again");
                    }
                }
                if (segment < 0) {
                    Thread.sleep(200);
                    continue;
                }
                if (replay(segment)) {
                    backoffMillis = 200;
                } else {
                    Thread.sleep(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | IOException e) {
                LOG.error("replaying the access-event spool failed; will retry", e);
                sleepQuietly(backoffMillis);
            }
        }
    }

    /** Sends one segment and waits for Kafka's answers; true when it was emptied and deleted. */
    private boolean replay(long segment) throws IOException, InterruptedException {
        List<byte[]> pending = spool.read(segment);
        List<Future<?>> answers = new ArrayList<>(pending.size());
        RuntimeException notTaken = null;
        for (byte[] value : pending) {
            if (notTaken != null) { // Kafka is not taking events: do not wait max.block.ms for each of the rest
                answers.add(CompletableFuture.failedFuture(notTaken));
                continue;
            }
            try {
                AccessEvent event = AccessEventCodec.decode(value);
                answers.add(producer.send(new ProducerRecord<>(topic, event.tenantId(), value)));
            } catch (IllegalArgumentException unreadable) {
                answers.add(null); // cannot be keyed, never will be: dropped below
            } catch (RuntimeException refused) {
                notTaken = refused;
                answers.add(CompletableFuture.failedFuture(refused));
            }
        }
        producer.flush();
        List<byte[]> remaining = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Future<?> answer = answers.get(i);
            if (answer == null) {
                metrics.droppedRejectedByKafka.increment();
                continue;
            }
            try {
                answer.get();
                metrics.published.increment();
                metrics.replayed.increment();
            } catch (ExecutionException e) {
                if (refusedForGood(e.getCause())) {
                    LOG.errorf(e.getCause(), "Kafka refused a spooled access event for good; dropped");
                    metrics.droppedRejectedByKafka.increment();
                } else {
                    remaining.add(pending.get(i));
                }
            }
        }
        if (remaining.isEmpty()) {
            spool.delete(segment);
            return true;
        }
        if (remaining.size() < pending.size()) {
            spool.rewrite(segment, remaining); // what Kafka took must not be sent again after a restart
        }
        return false;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends or spools what is in memory, then stops. */
    @Override
    public void close() {
        running = false;
        join(spooler); // drains the in-memory queue: sent directly or spooled
        // waits for acknowledgements of what is in flight; what is not acknowledged in time fails → spooled below
        producer.close(shutdownTimeout);
        join(replayer);
        try {
            spoolFailed();
            spool.close();
        } catch (IOException e) {
            LOG.error("could not spool the last access events", e);
        }
    }

    private void join(Thread thread) {
        try {
            thread.join(shutdownTimeout.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
