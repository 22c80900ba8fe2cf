package io.tollgate.gateway.integration;

/**
 * A circuit breaker for one upstream (scheme, host and port), shared by every route and every
 * configuration version that calls it: after {@code failureThreshold} failures in a row (no
 * connection, timeout) it opens and requests fail fast for {@code openNanos}; then one trial
 * request goes through (half open) and its outcome closes or reopens the circuit.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, long openNanos) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openNanos;
    }

    /** Whether a request may go to the upstream now; in half-open state only the one trial may. */
    public synchronized boolean allowRequest(long nowNanos) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nowNanos - openedAt < openNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default: // HALF_OPEN
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void failed(long nowNanos) {
        trialInFlight = false;
        if (state == State.HALF_OPEN || ++consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nowNanos;
            consecutiveFailures = 0;
        }
    }

    public synchronized State state() {
        return state;
    }
}
