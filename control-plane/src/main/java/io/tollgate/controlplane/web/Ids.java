package io.tollgate.controlplane.web;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562). PostgreSQL compares uuids bytewise, so ordering
 * by id is ordering by creation: lists page by id alone, and ids leak no more than a creation time.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static int sequence;

    private Ids() {
    }

    public static UUID newId() {
        return newId(System.currentTimeMillis());
    }

    /**
     * Within one millisecond a 12-bit counter (the {@code rand_a} field) keeps ids of this process
     * increasing, so entries written in one transaction keep their order.
     */
    static synchronized UUID newId(long nowMillis) {
        long millis = Math.max(nowMillis, lastMillis);
        if (millis == lastMillis) {
            sequence++;
            if (sequence > 0xFFF) {
                millis++;
                sequence = 0;
            }
        } else {
            sequence = RANDOM.nextInt(0x800);
        }
        lastMillis = millis;
        long high = (millis << 16) | 0x7000L | sequence;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
