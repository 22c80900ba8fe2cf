package io.tollgate.gateway.policy.counters;

import io.tollgate.contract.v1.UsagePlanConfig.QuotaConfig;

/**
 * One key's quota under one plan as a node enforces it: the node reserves batches of the current
 * window's requests from the shared count ({@link SharedCounters#takeQuota}) and spends them
 * locally. A batch is at most 1 % of the node's share of the limit, so permits left unspent on
 * idle nodes cost the key little. Requests a node admits before its first reservation answered,
 * or while Infinispan is away (up to its share of what was left), are charged to the shared count
 * afterwards: a quota is a count, and every admitted request is in it once.
 */
public final class LeasedQuota {

    /** {@link #tryAcquire} refused: the quota is exceeded. */
    public static final long EXCEEDED = -1;
    /** {@link #tryAcquire} refused: the count is unreachable and the node fails closed. */
    public static final long UNKNOWN = -2;

    private final String keyPrefix;
    private final QuotaConfig quota;
    private final String limitText;
    private final LimitsRuntime runtime;

    /** Written under the lock, read without it for the reset time of an answer. */
    private volatile QuotaWindow window;
    // guarded by this
    private long permits;
    private long debt;
    private long usedKnown;
    private long fallbackSpent;
    private long charging;
    private boolean inFlight;
    private boolean synced;
    private boolean exhausted;
    private long retryAtMillis;
    private long batch = 1;

    private volatile long lastUsed;

    LeasedQuota(String keyPrefix, QuotaConfig quota, LimitsRuntime runtime, long nowNanos) {
        this.keyPrefix = keyPrefix;
        this.quota = quota;
        this.limitText = Long.toString(quota.limit());
        this.runtime = runtime;
        this.lastUsed = nowNanos;
    }

    long lastUsed() {
        return lastUsed;
    }

    public QuotaConfig quota() {
        return quota;
    }

    /**
     * @return the requests left (≥ 0) when this one is admitted, else {@link #EXCEEDED} or
     *         {@link #UNKNOWN} (a number, not a decision object: this runs for every keyed request)
     */
    public long tryAcquire(long nowMillis, long nowNanos) {
        lastUsed = nowNanos;
        long limit = quota.limit();
        boolean admitted;
        long wanted = 0;
        long charge = 0;
        QuotaWindow reserveFor = null;
        long remaining;
        synchronized (this) {
            if (window == null || !window.contains(nowMillis)) {
                startWindow(QuotaWindow.containing(quota.period(), nowMillis));
            }
            int nodes = runtime.liveNodes();
            if (permits > 0) {
                permits--;
                admitted = true;
            } else if (!runtime.remoteUp()) {
                admitted = runtime.settings().failOpen() && fallbackSpent < Math.max(0, limit - usedKnown) / nodes;
                if (admitted) {
                    fallbackSpent++;
                    debt++;
                }
            } else if (exhausted) {
                admitted = false;
            } else {
                // not answered yet, or answered with room left: admit on credit, charged with the next
                // reservation; once answered, only as far as the count last seen leaves room
                admitted = debt < credit(nodes) && (!synced || limit - usedKnown - debt > 0);
                if (admitted) {
                    debt++;
                }
            }
            if (runtime.remoteUp() && !inFlight && nowMillis >= retryAtMillis && permits <= batch / 2 && !exhausted) {
                inFlight = true;
                wanted = batch;
                charge = debt;
                charging = debt;
                debt = 0;
                reserveFor = window;
            }
            if (admitted) {
                remaining = Math.max(0, limit - usedKnown + permits - debt - charging);
            } else {
                // fail-closed: the quota is not known to be exceeded
                remaining = !runtime.remoteUp() && !runtime.settings().failOpen() ? UNKNOWN : EXCEEDED;
            }
        }
        if (reserveFor != null) {
            runtime.reserve(this, reserveFor, wanted, charge);
        }
        return remaining;
    }

    /** The limit as header text, made once (it is sent with every answer under the quota). */
    public String limitText() {
        return limitText;
    }

    /** When the current window ends (epoch milliseconds). */
    public long windowEndMillis() {
        return window.endMillis();
    }

    /**
     * Requests a node may admit ahead of an answer: enough that a burst on a new key is not refused
     * for the length of one round trip, at most the node's share of the limit.
     */
    private long credit(int nodes) {
        return Math.min(Math.max(1, quota.limit() / nodes), Math.max(10, quota.limit() / (100L * nodes)));
    }

    private void startWindow(QuotaWindow next) {
        window = next;
        permits = 0;
        debt = 0;
        usedKnown = 0;
        fallbackSpent = 0;
        charging = 0;
        synced = false;
        exhausted = false;
        retryAtMillis = 0;
    }

    String keyFor(QuotaWindow window) {
        return keyPrefix + window.startMillis();
    }

    void granted(QuotaWindow forWindow, SharedCounters.QuotaGrant grant, long wanted) {
        synchronized (this) {
            inFlight = false;
            charging = 0;
            if (!forWindow.equals(window)) {
                return; // the window turned while asking: its answer counts for nothing now
            }
            synced = true;
            permits += grant.granted();
            // requests admitted on credit while this reservation travelled are paid from it first
            long repaid = Math.min(debt, permits);
            permits -= repaid;
            debt -= repaid;
            usedKnown = grant.usedAfter();
            exhausted = grant.granted() < wanted && permits == 0;
            fallbackSpent = 0;
            int nodes = runtime.liveNodes();
            long max = Math.max(1, quota.limit() / (100L * nodes));
            batch = Math.min(max, Math.max(1, batch * 2)); // grow while demand keeps asking; small near the limit
        }
    }

    /** An answer after its deadline (see {@link LeasedBucket#grantedLate}). */
    void grantedLate(QuotaWindow forWindow, SharedCounters.QuotaGrant grant, long charge) {
        synchronized (this) {
            if (forWindow.equals(window)) {
                permits += grant.granted();
                debt -= Math.min(debt, charge);
                usedKnown = Math.max(usedKnown, grant.usedAfter());
            }
        }
    }

    void failed(QuotaWindow forWindow, long charge, long nowMillis) {
        synchronized (this) {
            inFlight = false;
            charging = 0;
            if (forWindow.equals(window)) {
                debt += charge;
                retryAtMillis = nowMillis + 50;
            }
        }
    }

    /** Gives back a request counted for a request another limit then refused. */
    public synchronized void release() {
        permits++;
    }
}
