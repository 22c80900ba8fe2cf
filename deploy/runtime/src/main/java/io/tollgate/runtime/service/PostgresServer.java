package io.tollgate.runtime.service;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL server (binaries from io.zonky.test, run as root through {@code unshare -U})
 * listening on 127.0.0.1 only, with its data kept in the runtime's folder across restarts.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final Path logFile;
    private EmbeddedPostgres postgres;

    public PostgresServer(Path dataDirectory, int port, Path logFile) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.logFile = logFile;
    }

    public void start() throws IOException {
        Files.createDirectories(logFile.getParent());
        stopLeftOverPostmaster();
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // we stop it ourselves, in order, from the runtime's own shutdown hook
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
    }

    public int port() {
        return port;
    }

    /**
     * pg_ctl detaches the postmaster from our process tree, so a runtime that was killed (not
     * stopped) leaves it running; stop it before starting on the same data folder.
     */
    private void stopLeftOverPostmaster() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of);
        postmaster.ifPresent(handle -> {
            handle.destroy();
            handle.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
