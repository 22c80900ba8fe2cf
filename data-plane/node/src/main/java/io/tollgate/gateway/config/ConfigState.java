package io.tollgate.gateway.config;

import io.tollgate.contract.v1.ConfigCodec;
import io.tollgate.contract.v1.ConfigRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The raw configuration as read from the topic (or the disk): the latest valid record per key,
 * its encoded form for persistence, the highest revision and publication time seen. Only the
 * materializer's thread touches it.
 */
public final class ConfigState {

    private final Map<String, ConfigRecord> records = new HashMap<>();
    private final Map<String, byte[]> encoded = new HashMap<>();
    private long version;
    private Instant publishedAt = Instant.EPOCH;

    /**
     * Applies one topic record; a null value deletes the key. A value that fails validation is
     * reported with its key and ignored: the key keeps its previous valid value.
     *
     * @return whether anything changed
     */
    public boolean apply(String key, byte[] value, long revisionHeader, Instant timestamp, BiConsumer<String, String> problems) {
        version = Math.max(version, revisionHeader);
        if (timestamp.isAfter(publishedAt)) {
            publishedAt = timestamp;
        }
        if (value == null) {
            encoded.remove(key);
            return records.remove(key) != null;
        }
        ConfigRecord record;
        try {
            record = ConfigCodec.decode(key, value);
        } catch (IllegalArgumentException invalid) {
            problems.accept(key, invalid.getMessage());
            return false;
        }
        version = Math.max(version, record.revision());
        records.put(key, record);
        encoded.put(key, value);
        return true;
    }

    public Map<String, ConfigRecord> records() {
        return records;
    }

    public Map<String, byte[]> encoded() {
        return encoded;
    }

    public long version() {
        return version;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public void restore(long version, Instant publishedAt) {
        this.version = version;
        this.publishedAt = publishedAt;
    }
}
