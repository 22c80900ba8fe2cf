package io.tollgate.gateway.events;

import io.tollgate.contract.Topics;
import io.tollgate.contract.v1.AccessEvent;
import io.tollgate.contract.v1.AccessEventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads access events back from the real topic, as analytics would, to count what arrived. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Every event of the topic that matches, once at least {@code expected} arrived (or the timeout
     * passed), plus whatever else arrives in the following quiet period: duplicates must show.
     */
    public static List<AccessEvent> read(String bootstrapServers, Predicate<AccessEvent> filter, int expected, Duration timeout)
            throws InterruptedException {
        List<AccessEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "enable.auto.commit", "false", "isolation.level", "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Topics.ACCESS_EVENTS.partitions(); p++) {
                partitions.add(new TopicPartition(Topics.ACCESS_EVENTS.name(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    AccessEvent event = AccessEventCodec.decode(record.value());
                    if (filter.test(event)) {
                        if (!record.key().equals(event.tenantId())) {
                            throw new AssertionError("event " + event.id() + " keyed " + record.key() + ", not by its tenant");
                        }
                        events.add(event);
                    }
                }
                if (events.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return events;
    }
}
