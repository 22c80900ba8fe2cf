package io.tollgate.gateway.policy.counters;

/**
 * One token bucket as a node enforces it: requests spend permits the node reserved in advance from
 * the cluster-wide bucket ({@link SharedCounters#takeTokens}), so the common request touches only
 * this object. When the permits run low the node reserves the next batch in the background; a
 * batch covers {@link LimitsSettings#lease()} of the node's recent demand and at most a quarter
 * second of the node's share of the rate, which bounds how many permits can sit unused on a node.
 *
 * <ul>
 *   <li>Before the first reservation answered (a new bucket on this node), or while the shared
 *       bucket had more than asked for, requests are admitted against the node's share of the
 *       bucket and counted as debt, charged to the shared bucket with the next reservation.</li>
 *   <li>When the shared bucket is empty the node asks again only when a batch has refilled, so an
 *       exhausted bucket costs one remote call per batch, not one per request.</li>
 *   <li>While Infinispan is away the node enforces its share (rate and burst ÷ live nodes), or
 *       refuses everything when the node is configured to fail closed.</li>
 * </ul>
 */
public final class LeasedBucket {

    private static final long SECOND = 1_000_000_000L;
    /** After a failed reservation, the next try waits this long (no storm of retries). */
    private static final long RETRY_BACKOFF = 50_000_000L;

    private final String key;
    private final TokenBucketSpec spec;
    private final LimitsRuntime runtime;

    // guarded by this
    private long permits;
    private long debt;
    private boolean inFlight;
    private boolean synced;
    private boolean sharedHadMore;
    private long retryAt;
    private long demand;
    private long demandSince;
    private long batch = 1;
    private boolean refusedSinceAnswer;
    private long shareTat = Long.MIN_VALUE;

    private volatile long lastUsed;

    LeasedBucket(String key, TokenBucketSpec spec, LimitsRuntime runtime, long now) {
        this.key = key;
        this.spec = spec;
        this.runtime = runtime;
        this.demandSince = now;
        this.retryAt = now;
        this.lastUsed = now;
    }

    public String key() {
        return key;
    }

    public TokenBucketSpec spec() {
        return spec;
    }

    long lastUsed() {
        return lastUsed;
    }

    /** @return 0 when the request may pass, else nanoseconds until a permit may be free */
    public long tryAcquire(long now) {
        if (spec.blocksAll()) {
            return SECOND;
        }
        lastUsed = now;
        long wait;
        long wanted = 0;
        long charge = 0;
        synchronized (this) {
            demand++;
            if (permits > 0) {
                permits--;
                wait = 0;
            } else if (!runtime.remoteUp()) {
                wait = runtime.settings().failOpen() ? takeShare(now) : SECOND;
            } else if (!synced || sharedHadMore) {
                wait = takeShare(now);
                if (wait == 0) {
                    debt++;
                }
            } else {
                wait = Math.max(retryAt - now, 1);
            }
            if (wait > 0) {
                refusedSinceAnswer = true;
            }
            if (runtime.remoteUp() && !inFlight && now - retryAt >= 0 && permits <= batch / 2) {
                inFlight = true;
                // demand went unmet: take all that refilled meanwhile (up to the cap), so that a slow
                // round trip does not leave tokens to overflow the shared bucket
                wanted = refusedSinceAnswer ? Math.max(batch, Math.max(maxBatch(), spec.burst())) : batch;
                refusedSinceAnswer = false;
                charge = Math.min(debt, spec.burst());
                debt = 0;
            }
        }
        if (wanted > 0) {
            runtime.reserve(this, wanted, charge);
        }
        return wait;
    }

    /** Gives back a permit taken for a request that another limit then refused. */
    public synchronized void release() {
        permits++;
    }

    private long takeShare(long now) {
        TokenBucketSpec.Take take = spec.share(runtime.liveNodes()).take(shareTat, now, 1, 0, 1e9);
        if (take.granted() == 0) {
            return Math.max(1, take.waitTime());
        }
        shareTat = take.tat();
        return 0;
    }

    /** The shared bucket's answer (on a Hot Rod thread). */
    void granted(TokenBucketSpec.Take take, long wanted, long now) {
        synchronized (this) {
            inFlight = false;
            synced = true;
            permits += take.granted();
            // requests admitted on credit while this reservation travelled are paid from it first
            long repaid = Math.min(debt, permits);
            permits -= repaid;
            debt -= repaid;
            sharedHadMore = take.granted() == wanted;
            if (!sharedHadMore) {
                // ask again once a batch has refilled (one call per batch, not per request), but
                // well before the shared bucket could fill up and overflow while nobody asks
                double interval = spec.interval(1e9);
                long refill = (long) Math.min((Math.min(batch, spec.burst()) - 1) * interval, spec.burst() * interval / 8);
                retryAt = now + take.waitTime() * 1_000 + refill;
            }
            long elapsed = now - demandSince;
            if (elapsed > 10_000_000L) { // at least 10 ms of demand seen: adapt the batch to it
                double perSecond = demand * 1e9 / elapsed;
                batch = Math.max(1, Math.min(maxBatch(), (long) Math.ceil(perSecond * runtime.settings().lease().toNanos() / 1e9)));
                demand = 0;
                demandSince = now;
            }
        }
    }

    /**
     * An answer that came after its deadline, when {@link #failed} had already put the charge back
     * as debt: the tokens are the node's all the same, and the charge was made.
     */
    void grantedLate(TokenBucketSpec.Take take, long charge) {
        synchronized (this) {
            permits += take.granted();
            long uncharged = Math.min(debt, charge);
            debt -= uncharged;
        }
    }

    /** No answer (Infinispan away, deadline passed, contention): the debt stays to be charged later. */
    void failed(long charge, long now) {
        synchronized (this) {
            inFlight = false;
            debt += charge;
            retryAt = now + RETRY_BACKOFF;
        }
    }

    /**
     * A quarter second of the node's share of the rate: enough to collect what refills during a slow
     * round trip (a smaller cap lets the shared bucket overflow while nodes ask for too little), and
     * few enough that permits left unspent at a standstill are a small part of any window.
     */
    private long maxBatch() {
        return Math.max(1, (long) Math.ceil(spec.ratePerSecond() / (4.0 * runtime.liveNodes())));
    }

    /** Permits reserved and not yet spent (for tests and metrics). */
    public synchronized long unspent() {
        return permits;
    }
}
