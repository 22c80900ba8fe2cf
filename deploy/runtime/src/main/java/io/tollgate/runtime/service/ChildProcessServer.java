package io.tollgate.runtime.service;

import io.tollgate.runtime.process.ManagedProcess;

/** A server that runs as one child process of the runtime; closing it stops that process tree. */
abstract class ChildProcessServer implements AutoCloseable {

    private ManagedProcess process;

    /** Remembers the started process at once, so that a failed ready check still gets it stopped. */
    protected final ManagedProcess started(ManagedProcess process) {
        this.process = process;
        return process;
    }

    /** Kills the process at once (SIGKILL), as a crash would; see {@link ManagedProcess#kill()}. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
