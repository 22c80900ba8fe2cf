package io.tollgate.gateway.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The last configuration the node applied, on local disk, so that a node that starts while Kafka
 * (or the whole control plane) is away serves at once what it served before.
 *
 * <p>Format: a header line {@code tollgate-config v1 <version> <publishedAt>}, then one line per
 * record, {@code <key> <base64 of the record's JSON>}. Written to a temporary file, forced to disk
 * and renamed over the previous one, so a crash leaves either the old or the new state, never half.
 */
public final class LastKnownGood {

    private static final String HEADER = "tollgate-config v1";

    private final Path file;

    public LastKnownGood(Path directory) {
        this.file = directory.resolve("config.state");
    }

    public Path file() {
        return file;
    }

    public void save(ConfigState state) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            writer.write(HEADER + " " + state.version() + " " + state.publishedAt() + "\n");
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(state.encoded()).entrySet()) {
                writer.write(entry.getKey() + " " + Base64.getEncoder().encodeToString(entry.getValue()) + "\n");
            }
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Loads the saved state into {@code state}; false when there is none (or it is unreadable). */
    public boolean load(ConfigState state, BiConsumer<String, String> problems) {
        if (!Files.exists(file)) {
            return false;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.startsWith(HEADER + " ")) {
                problems.accept(file.toString(), "not a saved configuration");
                return false;
            }
            String[] fields = header.substring(HEADER.length() + 1).split(" ");
            Instant publishedAt = Instant.parse(fields[1]);
            for (String line; (line = reader.readLine()) != null; ) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    state.apply(line.substring(0, space), Base64.getDecoder().decode(line.substring(space + 1)), 0,
                            publishedAt, problems);
                }
            }
            state.restore(Math.max(state.version(), Long.parseLong(fields[0])), publishedAt);
            return true;
        } catch (IOException | RuntimeException e) {
            problems.accept(file.toString(), "unreadable saved configuration: " + e.getMessage());
            return false;
        }
    }
}
