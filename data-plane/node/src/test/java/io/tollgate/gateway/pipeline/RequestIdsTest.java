package io.tollgate.gateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void request_ids_are_32_hex_digits_and_differ() {
        String first = RequestIds.newRequestId();
        assertTrue(first.matches("[0-9a-f]{32}"), first);
        assertNotEquals(first, RequestIds.newRequestId());
    }

    @Test
    void traceparents_follow_w3c_trace_context_version_00() {
        String first = RequestIds.newTraceparent();
        assertTrue(first.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), first);
        assertTrue(!first.substring(3, 35).equals("0".repeat(32)) && !first.substring(36, 52).equals("0".repeat(16)), first);
        assertNotEquals(first, RequestIds.newTraceparent());
    }
}
