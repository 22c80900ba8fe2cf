package io.tollgate.analytics.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control plane's recent answers to "may this token see this tenant?", for a short time and a
 * bounded number of entries (least recently used go first). Tokens are kept as SHA-256 only.
 */
final class MembershipCache {

    /** The cached answer for a caller who is not a member. */
    static final String NOT_A_MEMBER = "";

    private final int maxEntries;
    private final long ttlNanos;
    private final LinkedHashMap<String, Answer> entries;

    /** @param role the caller's role in the tenant as the control plane names it (owner, admin, …), or null: not a member */
    private record Answer(String role, long expiresAtNanos) {
    }

    MembershipCache(int maxEntries, long ttlNanos) {
        this.maxEntries = maxEntries;
        this.ttlNanos = ttlNanos;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > MembershipCache.this.maxEntries;
            }
        };
    }

    /** The cached answer (the role, or {@link #NOT_A_MEMBER}), or null when there is none (or it expired). */
    synchronized String get(String token, String tenantId) {
        String key = key(token, tenantId);
        Answer entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAtNanos > 0) {
            entries.remove(key);
            return null;
        }
        return entry.role == null ? NOT_A_MEMBER : entry.role;
    }

    /** @param role the caller's role, or null when not a member */
    synchronized void put(String token, String tenantId, String role) {
        entries.put(key(token, tenantId), new Answer(role, System.nanoTime() + ttlNanos));
    }

    synchronized int size() {
        return entries.size();
    }

    private static String key(String token, String tenantId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8))) + "/" + tenantId;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
