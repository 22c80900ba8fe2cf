package io.tollgate.runtime.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the runtime: output appended to a log file, waited on until a ready check
 * passes, stopped with SIGTERM (the whole process tree, since start scripts such as kc.sh fork
 * the real server) and killed if it does not stop in time.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_LINES_ON_FAILURE = 40;

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.createDirectories(workingDirectory);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return new ManagedProcess(name, builder.start(), logFile);
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** Polls the check until it passes; fails at once, with the log's tail, if the process dies. */
    public void awaitReady(ReadyCheck check, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; last lines of " + logFile + ":\n" + tail());
            }
            if (check.isReady()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds()
                        + " s; last lines of " + logFile + ":\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    /** Waits for the process to finish on its own (for one-shot tools such as a storage format). */
    public int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
        }
        return process.exitValue();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * SIGKILL, no grace: the process tree dies as it would on a crash or an OOM kill (no shutdown
     * hooks, open transactions and connections dropped). For fault-injection tests.
     */
    public void kill() throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        for (ProcessHandle child : tree) { // gone only once reaped: wait, so the caller sees them dead
            try {
                child.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // left to the operating system; the caller's own checks show it
            }
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            for (ProcessHandle child : tree) {
                child.onExit().get(Math.max(1, STOP_GRACE.toMillis() / 4), TimeUnit.MILLISECONDS);
            }
        } catch (Exception stillRunning) {
            // fall through to the forced kill below
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
