package io.tollgate.analytics.ingest;

import io.tollgate.contract.v1.AccessEvent;
import io.tollgate.contract.v1.AccessEventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A topic of a test's own on the real broker, shaped like the access-events topic (6 partitions),
 * filled as gateway nodes would (keyed by tenant): the test's ingestors read it without touching
 * what the application's own ingest reads.
 */
public final class TestTopic {

    private TestTopic() {
    }

    public static String create(String bootstrapServers) throws Exception {
        String name = "test.access-events." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            awaitLeaders(admin, name);
        }
        return name;
    }

    /**
     * A new topic's partitions get their leader a moment after creation; a producer that writes
     * before then sees NOT_LEADER_OR_FOLLOWER, and the broker (seen with Kafka 4.1 here) can then
     * refuse the retried first batch as out of sequence for minutes. So the tests write only once
     * every partition has its leader.
     */
    private static void awaitLeaders(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            if (description.partitions().stream().allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + topic + " still without a leader after 30 s");
            }
            Thread.sleep(50);
        }
    }

    /** Sends every event and fails if any was not acknowledged (one request in flight: order kept on retries). */
    public static void publish(String bootstrapServers, String topic, List<AccessEvent> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "all", "enable.idempotence", "true", "linger.ms", "10", "compression.type", "lz4",
                "max.in.flight.requests.per.connection", "1", "delivery.timeout.ms", "60000"),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
            for (AccessEvent event : events) {
                sent.add(producer.send(new ProducerRecord<>(topic, event.tenantId(), AccessEventCodec.encode(event))));
            }
            producer.flush();
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** Counts the events into PostgreSQL through a real ingest of their own topic; returns once all are counted. */
    public static void countAll(javax.sql.DataSource dataSource, String bootstrapServers, List<AccessEvent> events) throws Exception {
        String topic = create(bootstrapServers);
        publish(bootstrapServers, topic, events);
        try (UsageIngestor ingestor = new UsageIngestor(dataSource, Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "g-" + topic), topic, (connection, batch) -> { })) {
            Thread.ofPlatform().start(ingestor);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (ingestor.counted() < events.size()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + ingestor.counted() + " of " + events.size() + " events counted in 90 s");
                }
                Thread.sleep(50);
            }
        }
    }
}
