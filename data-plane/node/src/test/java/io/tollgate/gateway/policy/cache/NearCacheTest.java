package io.tollgate.gateway.policy.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NearCacheTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    private static CachedResponse answer(int bodyBytes) {
        return new CachedResponse(200, List.of(Map.entry("content-type", "text/plain")), Buffer.buffer(new byte[bodyBytes]));
    }

    @Test
    void answers_what_it_holds_until_its_max_age_then_asks_again() {
        NearCache near = new NearCache(100, 1 << 20, SECOND, now::get);
        CachedResponse stored = answer(10);
        near.put("k", stored, 300 * SECOND);
        assertSame(stored, near.get("k"));
        now.addAndGet(SECOND - 1);
        assertSame(stored, near.get("k"));
        now.addAndGet(1);
        assertNull(near.get("k"), "older than max-age: Infinispan is asked again");
        assertEquals(0, near.entries());
        assertEquals(0, near.bytes());
    }

    @Test
    void never_answers_past_the_entry_ttl() {
        NearCache near = new NearCache(100, 1 << 20, 10 * SECOND, now::get);
        near.put("k", answer(10), SECOND / 2);
        now.addAndGet(SECOND / 2);
        assertNull(near.get("k"));
        near.put("gone", answer(10), 0);
        assertNull(near.get("gone"), "an entry with no time left is not kept");
    }

    @Test
    void keeps_at_most_max_entries_dropping_the_least_recently_used() {
        NearCache near = new NearCache(16, 1 << 30, SECOND, now::get); // 16 segments of one entry each
        for (int i = 0; i < 200; i++) {
            near.put("key-" + i, answer(1), SECOND);
        }
        assertTrue(near.entries() <= 16, "entries: " + near.entries());
        assertTrue(near.entries() > 0);
    }

    @Test
    void keeps_at_most_max_bytes_and_never_an_answer_larger_than_its_share() {
        NearCache near = new NearCache(10_000, 16 * 64 * 1024, SECOND, now::get); // 64 KiB per segment
        for (int i = 0; i < 500; i++) {
            near.put("key-" + i, answer(8 * 1024), SECOND);
        }
        assertTrue(near.bytes() <= 16 * 64 * 1024, "bytes: " + near.bytes());
        near.put("huge", answer(100 * 1024), SECOND);
        assertNull(near.get("huge"));
    }

    @Test
    void a_removed_or_cleared_entry_is_asked_for_again() {
        NearCache near = new NearCache(100, 1 << 20, SECOND, now::get);
        near.put("a", answer(1), SECOND);
        near.put("b", answer(1), SECOND);
        near.remove("a");
        assertNull(near.get("a"));
        assertTrue(near.get("b") != null);
        near.clear();
        assertNull(near.get("b"));
        assertEquals(0, near.bytes());
    }

    @Test
    void zero_entries_turns_it_off() {
        NearCache near = new NearCache(0, 1 << 20, SECOND, now::get);
        assertFalse(near.enabled());
        near.put("k", answer(1), SECOND);
        assertNull(near.get("k"));
    }
}
