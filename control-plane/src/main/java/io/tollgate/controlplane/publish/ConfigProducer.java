package io.tollgate.controlplane.publish;

import java.nio.ByteBuffer;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the messages of the config topic and the producer that sends them. Idempotent with acks=all:
 * retries never duplicate or reorder a message inside one producer session, and a message counts as
 * published only once every in-sync replica has it.
 */
final class ConfigProducer {

    /** The header the data-plane node reads the revision from (ConfigMaterializer.REVISION_HEADER). */
    static final String REVISION_HEADER = "tollgate-revision";

    private ConfigProducer() {
    }

    static KafkaProducer<String, byte[]> create(String bootstrapServers, int deliveryTimeoutMillis) {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "tollgate-control-plane-config");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence keeps order with up to 5 in-flight requests per connection.
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // Fail a pass within bounds when Kafka is away; the rows stay unpublished and the next pass retries.
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(deliveryTimeoutMillis, 10_000)));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(deliveryTimeoutMillis));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(deliveryTimeoutMillis));
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** Key = record key, value = ConfigCodec bytes (null: tombstone), header = the revision as 8 big-endian bytes. */
    static ProducerRecord<String, byte[]> message(String topic, long seq, String key, byte[] payload) {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, key, payload);
        message.headers().add(REVISION_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
        return message;
    }
}
