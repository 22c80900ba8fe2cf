package io.tollgate.gateway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void names_match_in_any_case_and_only_whole() {
        Headers.Names names = Headers.skipping(List.of("X-Request-Id"));
        assertTrue(names.contains("x-request-id"));
        assertTrue(names.contains("X-REQUEST-ID"));
        assertTrue(names.contains("Transfer-Encoding"));
        assertFalse(names.contains("x-request-i"));
        assertFalse(names.contains("x-request-idx"));
        assertFalse(names.contains("accept"));
        assertFalse(names.contains("a-very-long-header-name-longer-than-any-in-the-set"));
    }

    @Test
    void copies_end_to_end_headers_without_hop_by_hop_ones_and_those_connection_names() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap()
                .add("Accept", "text/plain").add("Connection", "keep-alive, X-Secret ,Foo").add("Keep-Alive", "timeout=5")
                .add("x-secret", "1").add("FOO", "2").add("Foobar", "3").add("Set-Cookie", "a=1").add("Set-Cookie", "b=2")
                .add("Upgrade", "h2c").add("X-Request-Id", "theirs");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        Headers.copyEndToEnd(from, to, Headers.skipping(List.of("x-request-id")));
        assertEquals(List.of("Accept", "Foobar", "Set-Cookie", "Set-Cookie"), to.entries().stream().map(e -> e.getKey()).toList());
        assertEquals(List.of("a=1", "b=2"), to.getAll("set-cookie"));
    }

    @Test
    void a_connection_header_list_names_tokens_exactly() {
        assertTrue(Headers.namedIn("close", "Close"));
        assertTrue(Headers.namedIn(" a , b,c ", "B"));
        assertFalse(Headers.namedIn("ab, c", "a"));
        assertFalse(Headers.namedIn("", "a"));
        assertFalse(Headers.namedIn(",,", "a"));
    }
}
