package io.tollgate.gateway.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jboss.logging.Logger;

/**
 * A bounded, ordered spool of encoded access events on local disk, for while Kafka cannot take them.
 *
 * <p>Events are appended to the newest segment file ({@code 00000000000000000042.seg}); a segment is
 * sealed when it reaches the segment size or when the replayer asks for the oldest one and only the
 * open segment is left. Segments are replayed oldest first and deleted once Kafka acknowledged all
 * their events, so the order of spooling is the order of replay. Each record is
 * {@code [length:int][crc32c:int][bytes]}; a torn or corrupt tail (a crash in the middle of a write)
 * ends its segment and is reported. Thread-safe: the spooler appends, the replayer reads.
 */
public final class EventSpool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventSpool.class);
    private static final String SUFFIX = ".seg";
    private static final int HEADER = 8;

    private final Path directory;
    private final long maxBytes;
    private final long segmentBytes;
    private final FsyncPolicy fsync;
    /** sequence → size of every segment on disk, the open one included */
    private final TreeMap<Long, Long> segments = new TreeMap<>();
    private long totalBytes;
    /** An append found no room, and no segment has been replayed since. */
    private boolean full;
    private long openSequence = -1;
    private FileChannel open;

    public EventSpool(Path directory, long maxBytes, long segmentBytes, FsyncPolicy fsync) {
        if (segmentBytes <= HEADER || maxBytes < segmentBytes) {
            throw new IllegalArgumentException("spool needs maxBytes >= segmentBytes > " + HEADER);
        }
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.fsync = fsync;
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(SUFFIX)) {
                        long size = Files.size(file);
                        segments.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), size);
                        totalBytes += size;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access-event spool in " + directory, e);
        }
    }

    /**
     * Appends the records in order, as many as fit under the spool's size limit, and forces them to
     * disk as the fsync policy says.
     *
     * @return how many were appended (the first ones); the rest did not fit
     */
    public synchronized int append(List<byte[]> records) throws IOException {
        int appended = 0;
        for (byte[] record : records) {
            long size = HEADER + record.length;
            if (totalBytes + size > maxBytes) {
                full = true;
                break;
            }
            if (open == null || segments.get(openSequence) + size > segmentBytes) {
                roll();
            }
            CRC32C crc = new CRC32C();
            crc.update(record);
            ByteBuffer buffer = ByteBuffer.allocate((int) size).putInt(record.length).putInt((int) crc.getValue()).put(record).flip();
            while (buffer.hasRemaining()) {
                open.write(buffer);
            }
            segments.merge(openSequence, size, Long::sum);
            totalBytes += size;
            appended++;
        }
        if (appended > 0 && fsync == FsyncPolicy.BATCH) {
            open.force(false);
        }
        return appended;
    }

    private void roll() throws IOException {
        seal();
        openSequence = segments.isEmpty() ? 0 : segments.lastKey() + 1;
        open = FileChannel.open(file(openSequence), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segments.put(openSequence, 0L);
        if (fsync == FsyncPolicy.BATCH) {
            forceDirectory(); // the new file's name must survive a power loss too
        }
    }

    private void seal() throws IOException {
        if (open != null) {
            open.force(false);
            open.close();
            open = null;
        }
    }

    /** The oldest segment to replay (sealing the open one if it is the only one left), or -1 when the spool is empty. */
    public synchronized long oldest() throws IOException {
        if (segments.isEmpty()) {
            return -1;
        }
        long oldest = segments.firstKey();
        if (oldest == openSequence) {
            seal();
            openSequence = -1;
        }
        return oldest;
    }

    /** The records of a sealed segment, in the order they were appended. */
    public List<byte[]> read(long sequence) throws IOException {
        Path file = file(sequence);
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file));
        List<byte[]> records = new ArrayList<>();
        while (all.remaining() >= HEADER) {
            int length = all.getInt();
            int expectedCrc = all.getInt();
            if (length < 0 || length > all.remaining()) {
                break;
            }
            byte[] record = new byte[length];
            all.get(record);
            CRC32C crc = new CRC32C();
            crc.update(record);
            if ((int) crc.getValue() != expectedCrc) {
                all.position(all.position() - length - HEADER);
                break;
            }
            records.add(record);
        }
        if (all.hasRemaining()) {
            LOG.warnf("access-event spool segment %s has a torn or corrupt tail of %d bytes after %d events (crash while writing?); "
                    + "the tail is skipped", file, all.remaining(), records.size());
        }
        return records;
    }

    /** Replaces a sealed segment by the records still to replay (atomically), so a restart does not send the others twice. */
    public synchronized void rewrite(long sequence, List<byte[]> remaining) throws IOException {
        Path temp = directory.resolve(sequence + SUFFIX + ".tmp");
        long size = 0;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            for (byte[] record : remaining) {
                CRC32C crc = new CRC32C();
                crc.update(record);
                ByteBuffer buffer = ByteBuffer.allocate(HEADER + record.length).putInt(record.length)
                        .putInt((int) crc.getValue()).put(record).flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                size += HEADER + record.length;
            }
            out.force(false);
        }
        Files.move(temp, file(sequence), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        totalBytes += size - segments.put(sequence, size);
        full = false;
    }

    /** Deletes a segment whose events Kafka has acknowledged. */
    public synchronized void delete(long sequence) throws IOException {
        Files.deleteIfExists(file(sequence));
        Long size = segments.remove(sequence);
        totalBytes -= size == null ? 0 : size;
        full = false;
    }

    public synchronized boolean isEmpty() {
        return segments.isEmpty();
    }

    public synchronized long bytes() {
        return totalBytes;
    }

    public synchronized int segmentCount() {
        return segments.size();
    }

    /** True from an append that found no room until a segment was replayed. */
    public synchronized boolean isFull() {
        return full;
    }

    @Override
    public synchronized void close() throws IOException {
        seal();
        openSequence = -1;
    }

    private Path file(long sequence) {
        return directory.resolve(String.format("%020d%s", sequence, SUFFIX));
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot sync a directory; the file contents are synced regardless
        }
    }
}
