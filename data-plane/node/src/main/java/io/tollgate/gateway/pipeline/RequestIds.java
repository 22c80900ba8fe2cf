package io.tollgate.gateway.pipeline;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids and W3C trace context values, made without contention on the event loop. */
public final class RequestIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** 128 random bits as 32 hex digits. */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong(), 16) + hex(random.nextLong(), 16);
    }

    /** A new {@code traceparent} (version 00, sampled) for a request that came without one. */
    public static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "00-" + hex(random.nextLong(), 16) + hex(random.nextLong() | 1, 16) + "-" + hex(random.nextLong() | 1, 16) + "-01";
    }

    private static String hex(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }
}
