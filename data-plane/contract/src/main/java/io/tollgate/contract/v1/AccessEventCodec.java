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
import java.nio.charset.StandardCharsets;

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

    /**
     * Written by hand, field by field, in the record's component order: the same JSON that Jackson
     * writes for the record (the test compares them), without reflection. A gateway node encodes one
     * event per request, on the CPU that also serves the requests.
     */
    public static byte[] encode(AccessEvent event) {
        StringBuilder json = new StringBuilder(400).append('{');
        string(json, "id", event.id());
        number(json, "epochMillis", event.epochMillis());
        string(json, "tenantId", event.tenantId());
        string(json, "apiId", event.apiId());
        string(json, "stage", event.stage());
        string(json, "route", event.route());
        string(json, "method", event.method());
        number(json, "status", event.status());
        number(json, "latencyMicros", event.latencyMicros());
        number(json, "integrationMicros", event.integrationMicros());
        number(json, "bytesIn", event.bytesIn());
        number(json, "bytesOut", event.bytesOut());
        string(json, "keyId", event.keyId());
        string(json, "cacheStatus", event.cacheStatus());
        string(json, "errorType", event.errorType());
        string(json, "requestId", event.requestId());
        string(json, "clientAddress", event.clientAddress());
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The Jackson writer's output for the same event, for the test that keeps both the same. */
    static byte[] encodeWithJackson(AccessEvent event) {
        try {
            return WRITER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode access event " + event.id() + ": " + e.getMessage(), e);
        }
    }

    private static void name(StringBuilder json, String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(name).append("\":");
    }

    private static void number(StringBuilder json, String name, long value) {
        name(json, name);
        json.append(value);
    }

    /** Null fields are left out; text is escaped as JSON requires (quote, backslash, control characters) and as Jackson does. */
    private static void string(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        name(json, name);
        json.append('"');
        if (!needsEscaping(value)) { // ids, names, addresses: appended whole
            json.append(value).append('"');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) { // as Jackson does: characters outside the BMP as escaped pairs
                        json.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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
