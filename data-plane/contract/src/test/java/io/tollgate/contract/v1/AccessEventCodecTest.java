package io.tollgate.contract.v1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccessEventCodecTest {

    static AccessEvent full() {
        return new AccessEvent("0123456789abcdef0123456789abcdef", 1_764_547_200_123L, "t-1", "a-1", "prod", "/pets/{id}",
                "GET", 200, 12_345, 9_876, 321, 4_567, "k-1", "MISS", null, "fedcba9876543210fedcba9876543210", "127.0.0.1");
    }

    @Test
    void an_event_survives_a_round_trip() {
        AccessEvent event = full();
        assertEquals(event, AccessEventCodec.decode(AccessEventCodec.encode(event)));
    }

    @Test
    void a_gateway_error_without_route_or_key_survives_a_round_trip() {
        AccessEvent event = new AccessEvent("e-2", 1L, AccessEvent.NO_TENANT, null, null, null, "POST", 404, 80, -1, 90, 120,
                null, null, "UNKNOWN_HOST", "r-2", "10.0.0.1");
        assertEquals(event, AccessEventCodec.decode(AccessEventCodec.encode(event)));
    }

    @Test
    void the_hand_written_encoder_writes_what_jackson_writes() {
        AccessEvent sparse = new AccessEvent("e-2", 1L, AccessEvent.NO_TENANT, null, null, null, "POST", 404, 80, -1, 90, 120,
                null, null, "UNKNOWN_HOST", "r-2", "10.0.0.1");
        AccessEvent awkward = new AccessEvent("e-3", 2L, "t-\"q\"\\", "a", "st\u00e9ge", "/p/{id}\n\t\r\b\f\u0001\u001f",
                "GET", 200, 0, 0, 0, 0, "k-\u20ac\uD83D\uDE00", null, null, "r", "::1");
        // plain ASCII but for one character each: DEL, a quote, a backslash, é; and the extremes of numbers
        AccessEvent almostPlain = new AccessEvent("e-4", Long.MAX_VALUE, "t", "a\u007f", "s\"", "/p\\", "GET", 999,
                Long.MAX_VALUE, -1, 0, 1_000_000_007L, "k", "MISS", null, "r\u00e9", "127.0.0.1");
        AccessEvent tenDigits = new AccessEvent("e-5", 1_764_547_200_123L, "t-1", "api", "prod", "/pets/{proxy+}", "DELETE", 100,
                9, -1, 10, 99, "k-1", "HIT", "THROTTLED", "r-1", "2001:db8::1");
        for (AccessEvent event : new AccessEvent[] {full(), sparse, awkward, almostPlain, tenDigits}) {
            assertArrayEquals(AccessEventCodec.encodeWithJackson(event), AccessEventCodec.encode(event),
                    () -> new String(AccessEventCodec.encode(event), StandardCharsets.UTF_8));
            assertEquals(event, AccessEventCodec.decode(AccessEventCodec.encode(event)));
        }
    }

    @Test
    void the_wire_form_is_one_compact_line_without_nulls() {
        String json = new String(AccessEventCodec.encode(full()), StandardCharsets.UTF_8);
        assertFalse(json.contains("\n") || json.contains(": "), json);
        assertFalse(json.contains("errorType"), json);
        assertFalse(json.contains("statusClass"), json);
        assertTrue(json.startsWith("{\"id\":\"0123456789abcdef0123456789abcdef\",\"epochMillis\":1764547200123,"), json);
    }

    @Test
    void unknown_fields_from_a_newer_writer_are_ignored() {
        String json = "{\"id\":\"e\",\"epochMillis\":5,\"tenantId\":\"t\",\"method\":\"GET\",\"status\":204,\"latencyMicros\":1,"
                + "\"integrationMicros\":-1,\"bytesIn\":0,\"bytesOut\":0,\"region\":\"eu\"}";
        AccessEvent event = AccessEventCodec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(204, event.status());
        assertEquals(2, event.statusClass());
    }

    @Test
    void rejects_an_event_without_tenant_naming_the_field() {
        String json = "{\"id\":\"e\",\"epochMillis\":5,\"method\":\"GET\",\"status\":200}";
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> AccessEventCodec.decode(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(failure.getMessage().contains("tenantId is required"), failure.getMessage());
    }

    @Test
    void rejects_bytes_that_are_not_json() {
        assertThrows(IllegalArgumentException.class, () -> AccessEventCodec.decode("not json".getBytes(StandardCharsets.UTF_8)));
    }
}
