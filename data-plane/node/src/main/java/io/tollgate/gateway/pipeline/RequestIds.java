package io.tollgate.gateway.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids and W3C trace context values, made without contention on the event loop. */
public final class RequestIds {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /** {@code 00-<32 digits trace id>-<16 digits parent id>-01}, digits filled in per traceparent. */
    private static final byte[] TRACEPARENT = ("00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01").getBytes(StandardCharsets.ISO_8859_1);

    private RequestIds() {
    }

    /** 128 random bits as 32 hex digits. */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] out = new byte[32];
        hex(random.nextLong(), out, 0);
        hex(random.nextLong(), out, 16);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** A new {@code traceparent} (version 00, sampled) for a request that came without one. */
    public static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] out = TRACEPARENT.clone();
        hex(random.nextLong(), out, 3); // trace id: 32 digits, never all zero
        hex(random.nextLong() | 1, out, 19);
        hex(random.nextLong() | 1, out, 36); // parent id: 16 digits, never all zero
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Writes 16 hex digits of {@code value} at {@code at}: one array per id, one copy into its String. */
    private static void hex(long value, byte[] out, int at) {
        for (int i = at + 15; i >= at; i--) {
            out[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
