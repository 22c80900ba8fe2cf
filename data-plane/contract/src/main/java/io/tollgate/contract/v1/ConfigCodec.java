package io.tollgate.contract.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON form of the config records, shared by the control plane (writer) and the nodes
 * (readers) so that neither can drift from the other. Keys decide the record type.
 */
public final class ConfigCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // v1 may gain fields: older nodes ignore what they do not know yet
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ConfigCodec() {
    }

    public static byte[] encode(ConfigRecord record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + record.key() + ": " + e.getMessage(), e);
        }
    }

    /** Readable, stable JSON (sorted map keys, indented): for golden files and logs. */
    public static String toPrettyJson(ConfigRecord record) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + record.key() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the record stored under {@code key}; fails with a message naming the key and the
     * problem when the value is malformed, invalid, or of another entity than its key says.
     */
    public static ConfigRecord decode(String key, byte[] value) {
        ConfigKind kind = ConfigKind.ofKey(key);
        ConfigRecord record;
        try {
            record = MAPPER.readValue(value, kind.recordType());
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new InvalidConfigException(key, cause.getMessage(), e);
        }
        if (!record.key().equals(key)) {
            throw new InvalidConfigException(key, "value belongs to " + record.key(), null);
        }
        return record;
    }

    /** A config record that a node must not apply. */
    public static final class InvalidConfigException extends IllegalArgumentException {

        private final String key;

        InvalidConfigException(String key, String problem, Throwable cause) {
            super("invalid config record " + key + ": " + problem, cause);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
