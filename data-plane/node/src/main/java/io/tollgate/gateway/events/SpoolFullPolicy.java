package io.tollgate.gateway.events;

/** What the node does with traffic when its access-event spool is full (Kafka away for too long). */
public enum SpoolFullPolicy {
    /** Keep serving; events that fit nowhere are dropped and counted ({@code tollgate_access_events_dropped_total}). */
    DROP,
    /** Answer new requests with METERING_UNAVAILABLE (503) until the spool has room again: nothing goes unmetered. */
    REJECT
}
