package io.tollgate.runtime.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @Test
    void stopping_ends_the_whole_process_tree(@TempDir Path dir) throws Exception {
        // like kc.sh: a shell that starts the real server as its child and waits for it
        ManagedProcess process = ManagedProcess.start("tree",
                List.of("/bin/sh", "-c", "sleep 300 & echo started; wait"), Map.of(), dir, dir.resolve("tree.log"));
        process.awaitReady(() -> Files.readString(dir.resolve("tree.log")).contains("started"), Duration.ofSeconds(10));
        ProcessHandle shell = ProcessHandle.of(process.pid()).orElseThrow();
        List<ProcessHandle> children = shell.descendants().toList();
        assertFalse(children.isEmpty());

        process.close();

        assertFalse(shell.isAlive());
        children.forEach(child -> assertFalse(child.isAlive(), "left behind: " + child.info().command()));
    }

    @Test
    void killing_ends_the_tree_at_once_even_when_it_ignores_sigterm(@TempDir Path dir) throws Exception {
        // SIGTERM is ignored by the shell and its child (inherited): only a SIGKILL ends them
        ManagedProcess process = ManagedProcess.start("stubborn",
                List.of("/bin/sh", "-c", "trap '' TERM; sleep 300 & echo started; wait"), Map.of(), dir, dir.resolve("stubborn.log"));
        process.awaitReady(() -> Files.readString(dir.resolve("stubborn.log")).contains("started"), Duration.ofSeconds(10));
        ProcessHandle shell = ProcessHandle.of(process.pid()).orElseThrow();
        List<ProcessHandle> children = shell.descendants().toList();

        process.kill();

        assertFalse(shell.isAlive());
        children.forEach(child -> assertFalse(child.isAlive(), "left behind: " + child.info().command()));
    }

    @Test
    void a_process_that_dies_fails_the_wait_at_once_with_its_log(@TempDir Path dir) throws Exception {
        ManagedProcess process = ManagedProcess.start("dying",
                List.of("/bin/sh", "-c", "echo cannot bind port; exit 3"), Map.of(), dir, dir.resolve("dying.log"));
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> process.awaitReady(() -> false, Duration.ofMinutes(5)));
        assertTrue(failure.getMessage().contains("exited with code 3"), failure.getMessage());
        assertTrue(failure.getMessage().contains("cannot bind port"), failure.getMessage());
    }

    @Test
    void a_process_that_never_gets_ready_times_out(@TempDir Path dir) throws Exception {
        try (ManagedProcess process = ManagedProcess.start("slow", List.of("/bin/sh", "-c", "sleep 300"), Map.of(), dir,
                dir.resolve("slow.log"))) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> process.awaitReady(() -> false, Duration.ofMillis(600)));
            assertTrue(failure.getMessage().contains("not ready within"), failure.getMessage());
        }
    }
}
