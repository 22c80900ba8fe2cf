package io.tollgate.gateway.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSpoolTest {

    @TempDir
    Path directory;

    private static List<byte[]> records(int from, int count) {
        List<byte[]> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            records.add(("event-" + i).getBytes(StandardCharsets.UTF_8));
        }
        return records;
    }

    private static List<String> strings(List<byte[]> records) {
        return records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }

    /** Everything in the spool, oldest segment first, as the replayer reads it. */
    private static List<String> drain(EventSpool spool) throws Exception {
        List<String> all = new ArrayList<>();
        for (long segment; (segment = spool.oldest()) >= 0; ) {
            all.addAll(strings(spool.read(segment)));
            spool.delete(segment);
        }
        return all;
    }

    @Test
    void replays_in_the_order_of_appending_across_segments() throws Exception {
        EventSpool spool = new EventSpool(directory, 1 << 20, 100, FsyncPolicy.BATCH);
        spool.append(records(0, 10));
        spool.append(records(10, 10));
        assertTrue(spool.segmentCount() > 3, "segments roll at the segment size: " + spool.segmentCount());
        assertEquals(strings(records(0, 20)), drain(spool));
        assertTrue(spool.isEmpty());
        assertEquals(0, spool.bytes());
    }

    @Test
    void appends_only_what_fits_under_its_bound() throws Exception {
        EventSpool spool = new EventSpool(directory, 160, 100, FsyncPolicy.NONE);
        int appended = spool.append(records(0, 20)); // 8 header + 7 bytes each: 10 fit in 160
        assertEquals(10, appended);
        assertTrue(spool.isFull());
        assertEquals(strings(records(0, 10)), drain(spool));
        assertFalse(spool.isFull());
    }

    @Test
    void a_restarted_spool_finds_its_segments_and_appends_after_them() throws Exception {
        EventSpool first = new EventSpool(directory, 1 << 20, 1 << 16, FsyncPolicy.BATCH);
        first.append(records(0, 5));
        first.close();
        EventSpool second = new EventSpool(directory, 1 << 20, 1 << 16, FsyncPolicy.BATCH);
        assertFalse(second.isEmpty());
        second.append(records(5, 5));
        assertEquals(strings(records(0, 10)), drain(second));
    }

    @Test
    void a_torn_tail_after_a_crash_is_skipped_and_the_rest_kept() throws Exception {
        EventSpool spool = new EventSpool(directory, 1 << 20, 1 << 16, FsyncPolicy.BATCH);
        spool.append(records(0, 3));
        spool.close();
        Path segment;
        try (Stream<Path> files = Files.list(directory)) {
            segment = files.findFirst().orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 50, 1, 2})); // half a record header
        }
        EventSpool reopened = new EventSpool(directory, 1 << 20, 1 << 16, FsyncPolicy.BATCH);
        assertEquals(strings(records(0, 3)), drain(reopened));
    }

    @Test
    void a_rewritten_segment_keeps_only_what_is_left_to_replay() throws Exception {
        EventSpool spool = new EventSpool(directory, 1 << 20, 1 << 16, FsyncPolicy.BATCH);
        spool.append(records(0, 4));
        long segment = spool.oldest();
        List<byte[]> all = spool.read(segment);
        spool.rewrite(segment, all.subList(2, 4));
        assertEquals(2 * (8 + 7), spool.bytes());
        List<byte[]> left = spool.read(segment);
        assertEquals(2, left.size());
        assertArrayEquals(all.get(2), left.get(0));
    }
}
