package io.tollgate.gateway.policy.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The node's own small copy of recently used response-cache entries, in front of Infinispan, so
 * that a hit on a popular key costs no Hot Rod round trip. Infinispan stays the shared truth: an
 * entry is kept here at most {@code maxAge} (and never past its TTL), then read from Infinispan
 * again, so what another node changed (a client's invalidation) shows here within {@code maxAge}.
 * A stage's cache flush changes its keys (they carry the stage's cache generation), so flushed
 * entries are never looked up again and age out.
 *
 * <p>Bounded by entries and by bytes (least recently used go first), split into segments with a
 * lock each, so event loops rarely wait for one another. Entries are decoded answers, ready to write.
 */
final class NearCache {

    private static final int SEGMENTS = 16;
    /** Bookkeeping of one entry beyond its header and body bytes: key, maps, objects. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;

    private final Segment[] segments;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;

    /**
     * @param maxEntries 0 turns the near cache off
     * @param maxBytes   the most the entries may take, headers and bodies included
     * @param maxAgeNanos the longest an entry is answered from here before Infinispan is asked again
     */
    NearCache(int maxEntries, long maxBytes, long maxAgeNanos, LongSupplier nanoClock) {
        this.maxAgeNanos = maxAgeNanos;
        this.nanoClock = nanoClock;
        boolean enabled = maxEntries > 0 && maxBytes > 0 && maxAgeNanos > 0;
        this.segments = new Segment[enabled ? SEGMENTS : 0];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment(Math.max(1, (maxEntries + SEGMENTS - 1) / SEGMENTS), Math.max(1, maxBytes / SEGMENTS));
        }
    }

    boolean enabled() {
        return segments.length > 0;
    }

    /** The entry if there is one younger than its TTL and the near cache's max age; else null. */
    CachedResponse get(String key) {
        if (!enabled()) {
            return null;
        }
        return segment(key).get(key, nanoClock.getAsLong());
    }

    /**
     * Keeps an answer for at most {@code ttlNanos} (its remaining time to live in Infinispan) and
     * the near cache's max age; answers larger than a segment's share of the bytes are not kept.
     */
    void put(String key, CachedResponse response, long ttlNanos) {
        if (!enabled() || ttlNanos <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        segment(key).put(key, new Entry(response, now + Math.min(ttlNanos, maxAgeNanos), bytes(key, response)));
    }

    void remove(String key) {
        if (enabled()) {
            segment(key).remove(key);
        }
    }

    /** Forgets everything (Infinispan became unreachable: what is here can no longer be checked against it). */
    void clear() {
        for (Segment segment : segments) {
            segment.clear();
        }
    }

    int entries() {
        int entries = 0;
        for (Segment segment : segments) {
            entries += segment.entries();
        }
        return entries;
    }

    long bytes() {
        long bytes = 0;
        for (Segment segment : segments) {
            bytes += segment.bytes();
        }
        return bytes;
    }

    private Segment segment(String key) {
        return segments[(key.hashCode() & Integer.MAX_VALUE) % SEGMENTS];
    }

    private static int bytes(String key, CachedResponse response) {
        long bytes = ENTRY_OVERHEAD_BYTES + key.length() + response.body().length();
        for (Map.Entry<String, String> header : response.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 64;
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private record Entry(CachedResponse response, long expiresAtNanos, int bytes) {
    }

    /** One lock's share of the entries, in least-recently-used order. */
    private static final class Segment {
        private final int maxEntries;
        private final long maxBytes;
        private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
        private long bytes;

        Segment(int maxEntries, long maxBytes) {
            this.maxEntries = maxEntries;
            this.maxBytes = maxBytes;
        }

        synchronized CachedResponse get(String key, long now) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (now - entry.expiresAtNanos >= 0) {
                entries.remove(key);
                bytes -= entry.bytes;
                return null;
            }
            return entry.response;
        }

        synchronized void put(String key, Entry entry) {
            if (entry.bytes > maxBytes) {
                remove(key);
                return;
            }
            Entry previous = entries.put(key, entry);
            bytes += entry.bytes - (previous == null ? 0 : previous.bytes);
            Iterator<Entry> eldestFirst = entries.values().iterator();
            while ((entries.size() > maxEntries || bytes > maxBytes) && eldestFirst.hasNext()) {
                Entry eldest = eldestFirst.next();
                eldestFirst.remove();
                bytes -= eldest.bytes;
            }
        }

        synchronized void remove(String key) {
            Entry removed = entries.remove(key);
            if (removed != null) {
                bytes -= removed.bytes;
            }
        }

        synchronized void clear() {
            entries.clear();
            bytes = 0;
        }

        synchronized int entries() {
            return entries.size();
        }

        synchronized long bytes() {
            return bytes;
        }
    }
}
