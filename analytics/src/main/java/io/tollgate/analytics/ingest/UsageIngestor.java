package io.tollgate.analytics.ingest;

import io.tollgate.analytics.usage.Resolution;
import io.tollgate.analytics.usage.Usage;
import io.tollgate.analytics.usage.UsageKey;
import io.tollgate.analytics.usage.UsageTables;
import io.tollgate.contract.v1.AccessEvent;
import io.tollgate.contract.v1.AccessEventCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Counts access events into the per-minute aggregates, exactly once.
 *
 * <p>A plain Kafka consumer in a group (so instances share the partitions); offsets are never
 * committed to Kafka. Each poll's events are decoded, then one PostgreSQL transaction advances the
 * partitions' stored offsets (conditionally, see {@link ConsumerOffsets}), records the events' ids
 * and keeps only those counted for the first time (an event sent twice by a node whose Kafka
 * acknowledgement was lost, see {@link CountedEventIds}), folds them per minute, merges the
 * totals into the minute rows (locked, read, merged, written: latency histograms cannot be added in
 * SQL), adds the error counts and marks the touched hours for rollup, and commits. A crash before
 * the commit leaves neither counts nor offsets; on (re)assignment the consumer seeks to the stored
 * offsets, so what was not committed is read again and what was is not.
 */
public final class UsageIngestor implements Runnable, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UsageIngestor.class);

    /** Called after a batch is written and before it is committed; tests use it to crash right there. */
    @FunctionalInterface
    public interface BeforeCommit {
        void run(Connection connection, long batch) throws Exception;
    }

    private final DataSource dataSource;
    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final BeforeCommit beforeCommit;
    /** partition → next offset as stored in PostgreSQL, for the partitions this consumer owns */
    private final Map<Integer, Long> stored = new ConcurrentHashMap<>();
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile boolean running = true;
    private long batches;

    public UsageIngestor(DataSource dataSource, Map<String, Object> consumerSettings, String topic, BeforeCommit beforeCommit) {
        this.dataSource = dataSource;
        this.topic = topic;
        this.beforeCommit = beforeCommit;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // offsets live in PostgreSQL
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        config.putAll(consumerSettings);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Events counted (committed) by this instance. */
    public long counted() {
        return counted.get();
    }

    /** Events skipped because their id was already counted (delivered twice), by this instance. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Events that could not be decoded and were skipped (counted nowhere, logged). */
    public long invalid() {
        return invalid.get();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    seekToStored(partitions);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(p -> stored.remove(p.partition()));
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    countExactlyOnce(records);
                }
            }
        } catch (WakeupException closing) {
            // close() woke the consumer up
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void seekToStored(Collection<TopicPartition> partitions) {
        try (Connection connection = dataSource.getConnection()) {
            for (TopicPartition partition : partitions) {
                long next = ConsumerOffsets.load(connection, topic, partition.partition());
                stored.put(partition.partition(), next);
                consumer.seek(partition, next);
            }
        } catch (SQLException e) {
            // without the stored offsets this consumer must not count: leave the group and let the caller restart it
            throw new IllegalStateException("cannot read the stored offsets of " + partitions, e);
        }
    }

    private void countExactlyOnce(ConsumerRecords<String, byte[]> records) {
        List<AccessEvent> events = new ArrayList<>(records.count());
        Map<Integer, Long> nextOffsets = new TreeMap<>(); // sorted: partitions are locked in one order
        for (ConsumerRecord<String, byte[]> record : records) {
            nextOffsets.put(record.partition(), record.offset() + 1);
            try {
                events.add(AccessEventCodec.decode(record.value()));
            } catch (IllegalArgumentException e) {
                invalid.incrementAndGet();
                LOG.warnf("skipping an invalid access event at %s-%d@%d: %s", topic, record.partition(), record.offset(), e.getMessage());
            }
        }
        MinuteBatch batch = new MinuteBatch();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Map.Entry<Integer, Long> partition : nextOffsets.entrySet()) {
                    Long expected = stored.get(partition.getKey());
                    if (expected == null || !ConsumerOffsets.advance(connection, topic, partition.getKey(), expected, partition.getValue())) {
                        throw new Fenced(partition.getKey());
                    }
                }
                CountedEventIds.firstSeen(connection, events).forEach(batch::add);
                write(connection, batch);
                beforeCommit.run(connection, ++batches);
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
            stored.putAll(nextOffsets);
            counted.addAndGet(batch.events);
            duplicates.addAndGet(events.size() - batch.events);
        } catch (Fenced fenced) {
            LOG.warnf("partition %d of %s was counted further by another consumer: batch dropped, reading from the stored offsets",
                    fenced.partition, topic);
            reseek();
        } catch (Exception e) {
            LOG.errorf(e, "could not count a batch of %d access events; reading them again", records.count());
            reseek();
            sleepQuietly(1_000);
        }
    }

    private static void write(Connection connection, MinuteBatch batch) throws SQLException {
        Map<UsageKey, Usage> rows = UsageTables.lock(connection, Resolution.MINUTE, batch.usage.keySet());
        batch.usage.forEach((key, usage) -> rows.merge(key, usage, (stored, added) -> {
            stored.merge(added);
            return stored;
        }));
        UsageTables.write(connection, Resolution.MINUTE, rows);
        if (!batch.errors.isEmpty()) {
            UsageTables.addErrors(connection, Resolution.MINUTE, batch.errors);
        }
        try (PreparedStatement pending = connection.prepareStatement(
                "insert into rollup_pending (tenant_id, hour) values (?, ?) on conflict do nothing")) {
            for (Map.Entry<String, Instant> hour : batch.touchedHours) {
                pending.setString(1, hour.getKey());
                pending.setTimestamp(2, Timestamp.from(hour.getValue()));
                pending.addBatch();
            }
            pending.executeBatch();
        }
        try (PreparedStatement months = connection.prepareStatement("insert into tenant_month_requests (month, tenant_id, requests) "
                + "values (?, ?, ?) on conflict (month, tenant_id) do update set requests = tenant_month_requests.requests + excluded.requests")) {
            // in one order (month, tenant), so that two consumers updating the same rows cannot deadlock
            List<Map.Entry<Map.Entry<String, java.time.LocalDate>, Long>> sorted = new ArrayList<>(batch.monthRequests.entrySet());
            sorted.sort(Map.Entry.comparingByKey(Map.Entry.<String, java.time.LocalDate>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())));
            for (Map.Entry<Map.Entry<String, java.time.LocalDate>, Long> month : sorted) {
                months.setObject(1, month.getKey().getValue());
                months.setString(2, month.getKey().getKey());
                months.setLong(3, month.getValue());
                months.addBatch();
            }
            months.executeBatch();
        }
    }

    /** After a failed batch: go back to what PostgreSQL says was counted, for every owned partition. */
    private void reseek() {
        List<TopicPartition> owned = new ArrayList<>(consumer.assignment());
        seekToStored(owned);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }

    private static final class Fenced extends Exception {
        final int partition;

        Fenced(int partition) {
            super(null, null, false, false);
            this.partition = partition;
        }
    }
}
