package io.tollgate.contract.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The one wire form of {@link AccessEvent}: compact JSON (one line, no null fields, record
 * component names), shared by the nodes (writers) and analytics (reader). Readers ignore fields
 * they do not know, so v1 may gain fields without breaking older consumers.
 */
public final class AccessEventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerFor(AccessEvent.class);
    private static final ObjectReader READER = MAPPER.readerFor(AccessEvent.class);

    private AccessEventCodec() {
    }

    public static byte[] encode(AccessEvent event) {
        try {
            return WRITER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode access event " + event.id() + ": " + e.getMessage(), e);
        }
    }

    /** Fails with {@link IllegalArgumentException} naming the problem when the bytes are no valid event. */
    public static AccessEvent decode(byte[] value) {
        try {
            return READER.readValue(value);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new IllegalArgumentException("invalid access event: " + cause.getMessage(), e);
        }
    }
}
