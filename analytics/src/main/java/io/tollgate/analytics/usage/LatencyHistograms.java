package io.tollgate.analytics.usage;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The one form of a latency histogram in the database: HdrHistogram over microseconds, up to an
 * hour, two significant digits (1 % precision), stored in its compressed encoding.
 */
public final class LatencyHistograms {

    private static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 2;

    private LatencyHistograms() {
    }

    public static Histogram empty() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Records one latency; values beyond the range count as the highest. */
    public static void record(Histogram histogram, long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    }

    public static byte[] encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip().get(bytes);
        return bytes;
    }

    public static Histogram decode(byte[] bytes) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), HIGHEST_MICROS);
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt latency histogram in the database", e);
        }
    }
}
