package io.tollgate.gateway;

import io.tollgate.contract.v1.ConfigCodec;
import io.tollgate.contract.v1.ConfigRecord;
import io.tollgate.contract.Topics;
import io.tollgate.gateway.config.ConfigMaterializer;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes contract records to the real config topic, as the control plane's relay does. */
public final class TestPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "enable.idempotence", "true"), new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(ConfigRecord... records) throws Exception {
        for (ConfigRecord record : records) {
            send(record.key(), ConfigCodec.encode(record), record.revision());
        }
        producer.flush();
    }

    public void delete(String key, long revision) throws Exception {
        send(key, null, revision);
        producer.flush();
    }

    private void send(String key, byte[] value, long revision) throws Exception {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(Topics.CONFIG.name(), key, value);
        message.headers().add(ConfigMaterializer.REVISION_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(revision).array());
        producer.send(message).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
