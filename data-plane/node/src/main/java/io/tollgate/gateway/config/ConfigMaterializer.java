package io.tollgate.gateway.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Materializes the compacted topic {@code tollgate.config} into the node's configuration, on a
 * thread of its own (Kafka's consumer blocks; the event loops never wait for it).
 *
 * <p>At start the node serves the last known good state from disk, if any. It then reads the
 * topic from the beginning into a fresh state and swaps it in once it has caught up with the end
 * offsets it saw when it started (a consistent version, not a half-read one); after that, each
 * batch of changes is compiled and swapped at once, and saved to disk. When Kafka is unreachable
 * it keeps serving what it has and retries.
 */
public final class ConfigMaterializer implements Runnable, AutoCloseable {

    /** Kafka header carrying the control plane's revision, also on tombstones. */
    public static final String REVISION_HEADER = "tollgate-revision";

    private static final Logger LOG = Logger.getLogger(ConfigMaterializer.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(2);

    private final Properties kafka;
    private final String topic;
    private final SnapshotCompiler compiler;
    private final ConfigStore store;
    private final LastKnownGood lastKnownGood;
    private final BiConsumer<String, String> problems;
    private final Thread thread;
    private volatile boolean closed;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public ConfigMaterializer(Map<String, String> kafkaSettings, String topic, SnapshotCompiler compiler, ConfigStore store,
            LastKnownGood lastKnownGood) {
        this.kafka = new Properties();
        this.kafka.putAll(kafkaSettings);
        this.kafka.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.kafka.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.kafka.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "tollgate-gateway-config");
        this.kafka.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        this.topic = topic;
        this.compiler = compiler;
        this.store = store;
        this.lastKnownGood = lastKnownGood;
        this.problems = (key, problem) -> LOG.warnf("configuration record %s rejected: %s", key, problem);
        this.thread = new Thread(this, "tollgate-config");
        this.thread.setDaemon(true);
    }

    public void start() {
        ConfigState saved = new ConfigState();
        if (lastKnownGood.load(saved, problems)) {
            store.swap(compiler.compile(saved.records(), saved.version(), saved.publishedAt(), GatewaySnapshot.Source.DISK, problems));
            LOG.infof("serving the saved configuration version %d from %s", saved.version(), lastKnownGood.file());
        }
        thread.start();
    }

    @Override
    public void run() {
        while (!closed) {
            try {
                consumeFromTheBeginning();
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warnf("configuration topic %s unavailable (%s); serving version %s, retrying", topic, e.getMessage(),
                        store.current() == null ? "none" : store.current().version());
                sleep(RETRY_DELAY);
            }
        }
    }

    private void consumeFromTheBeginning() {
        try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(kafka, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafkaConsumer;
            if (closed) {
                return;
            }
            List<PartitionInfo> partitionInfos = kafkaConsumer.partitionsFor(topic);
            if (partitionInfos == null || partitionInfos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = partitionInfos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            kafkaConsumer.assign(partitions);
            kafkaConsumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = new HashMap<>(kafkaConsumer.endOffsets(partitions));
            ConfigState state = new ConfigState();
            boolean caughtUp = false;
            while (!closed) {
                ConsumerRecords<String, byte[]> batch = kafkaConsumer.poll(Duration.ofMillis(500));
                boolean changed = false;
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (record.key() == null) {
                        problems.accept("(no key) at offset " + record.offset(), "records without key are not configuration");
                        continue;
                    }
                    changed |= state.apply(record.key(), record.value(), revision(record), Instant.ofEpochMilli(record.timestamp()), problems);
                }
                if (!caughtUp) {
                    caughtUp = endAtStart.entrySet().stream().allMatch(e -> kafkaConsumer.position(e.getKey()) >= e.getValue());
                    if (caughtUp) {
                        publish(state);
                        LOG.infof("configuration caught up with %s: version %d, %d records", topic, state.version(), state.records().size());
                    }
                } else if (changed || !batch.isEmpty()) {
                    publish(state);
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void publish(ConfigState state) {
        store.swap(compiler.compile(state.records(), state.version(), state.publishedAt(), GatewaySnapshot.Source.KAFKA, problems));
        try {
            lastKnownGood.save(state);
        } catch (IOException e) {
            LOG.warnf("could not save the configuration to %s: %s", lastKnownGood.file(), e.getMessage());
        }
    }

    private static long revision(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(REVISION_HEADER);
        if (header == null || header.value() == null || header.value().length != Long.BYTES) {
            return 0;
        }
        return ByteBuffer.wrap(header.value()).getLong();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
