package io.tollgate.gateway.events;

/** When the spool forces what it wrote to the disk. */
public enum FsyncPolicy {
    /**
     * After every batch the spooler appends (group commit: one fsync per batch of up to
     * {@link AccessEventPublisher#BATCH} events). A power loss loses at most what was not yet
     * appended; a process crash loses nothing that was appended.
     */
    BATCH,
    /** Never explicitly: the operating system writes back when it likes. A power loss may lose the last seconds. */
    NONE
}
