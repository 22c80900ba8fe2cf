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
     * writes for the record (the test compares the bytes), without reflection. A gateway node encodes
     * one event per request, on the CPU that also serves the requests: events whose text is plain
     * ASCII (ids, names, addresses: nearly all) are written straight into a byte array of the exact
     * size; the rest go through a {@link StringBuilder} that escapes and encodes.
     */
    public static byte[] encode(AccessEvent event) {
        byte[] plain = PlainWriter.encode(event);
        return plain != null ? plain : encodeEscaping(event);
    }

    /** The fields of an event in wire order, for both writers. */
    private interface Fields {
        void string(String name, String value);

        void number(String name, long value);

        static void of(AccessEvent event, Fields to) {
            to.string("id", event.id());
            to.number("epochMillis", event.epochMillis());
            to.string("tenantId", event.tenantId());
            to.string("apiId", event.apiId());
            to.string("stage", event.stage());
            to.string("route", event.route());
            to.string("method", event.method());
            to.number("status", event.status());
            to.number("latencyMicros", event.latencyMicros());
            to.number("integrationMicros", event.integrationMicros());
            to.number("bytesIn", event.bytesIn());
            to.number("bytesOut", event.bytesOut());
            to.string("keyId", event.keyId());
            to.string("cacheStatus", event.cacheStatus());
            to.string("errorType", event.errorType());
            to.string("requestId", event.requestId());
            to.string("clientAddress", event.clientAddress());
        }
    }

    /**
     * Two passes over the fields: the first measures (and finds out whether every text is plain
     * ASCII that JSON takes as it is), the second writes bytes. Field names are ASCII by definition.
     */
    private static final class PlainWriter implements Fields {
        private byte[] out;
        private int length = 1; // '{'
        private boolean plain = true;

        static byte[] encode(AccessEvent event) {
            PlainWriter writer = new PlainWriter();
            Fields.of(event, writer);
            if (!writer.plain) {
                return null;
            }
            writer.out = new byte[writer.length + 1];
            writer.out[0] = '{';
            writer.length = 1;
            Fields.of(event, writer);
            writer.out[writer.length] = '}';
            return writer.out;
        }

        private void name(String name) {
            if (out == null) {
                length += (length > 1 ? 1 : 0) + name.length() + 3; // ,"name":
                return;
            }
            if (length > 1) {
                out[length++] = ',';
            }
            out[length++] = '"';
            ascii(name);
            out[length++] = '"';
            out[length++] = ':';
        }

        private void ascii(String text) {
            text.getBytes(0, text.length(), out, length); // plain ASCII: one byte per char
            length += text.length();
        }

        @Override
        public void string(String name, String value) {
            if (value == null) {
                return;
            }
            if (out == null && !isPlain(value)) {
                plain = false;
            }
            name(name);
            if (out == null) {
                length += value.length() + 2;
                return;
            }
            out[length++] = '"';
            ascii(value);
            out[length++] = '"';
        }

        @Override
        public void number(String name, long value) {
            name(name);
            if (out == null) {
                length += digits(value);
                return;
            }
            int end = length + digits(value);
            long rest = Math.abs(value); // no event field comes near Long.MIN_VALUE
            int at = end;
            do {
                out[--at] = (byte) ('0' + rest % 10);
                rest /= 10;
            } while (rest != 0);
            if (value < 0) {
                out[--at] = '-';
            }
            length = end;
        }

        private static int digits(long value) {
            int count = value < 0 ? 2 : 1;
            for (long rest = Math.abs(value) / 10; rest != 0; rest /= 10) {
                count++;
            }
            return count;
        }

        private static boolean isPlain(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }
    }

    /** Any text: JSON escapes as Jackson writes them, then UTF-8. */
    private static byte[] encodeEscaping(AccessEvent event) {
        StringBuilder json = new StringBuilder(400).append('{');
        Fields.of(event, new Fields() {
            @Override
            public void string(String name, String value) {
                AccessEventCodec.string(json, name, value);
            }

            @Override
            public void number(String name, long value) {
                AccessEventCodec.number(json, name, value);
            }
        });
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
