package io.tollgate.analytics.ingest;

import io.tollgate.contract.v1.AccessEvent;
import io.tollgate.contract.v1.AccessEventCodec;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
        }
        return name;
    }

    public static void publish(String bootstrapServers, String topic, List<AccessEvent> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "all", "enable.idempotence", "true", "linger.ms", "10", "compression.type", "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (AccessEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.tenantId(), AccessEventCodec.encode(event)));
            }
            producer.flush();
        }
    }
}
