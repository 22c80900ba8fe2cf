package io.tollgate.gateway.policy.counters;

/**
 * One token bucket as a node enforces it: requests spend permits the node reserved in advance from
 * the cluster-wide bucket ({@link SharedCounters#takeTokens}), so the common request touches only
 * this object. When the permits run low the node reserves the next batch in the background; a
 * batch covers {@link LimitsSettings#lease()} plus the look-ahead of the node's recent demand, and
 * at most a quarter second (plus the look-ahead) of the node's share of the rate.
 *
 * <p>Reservations claim ahead of time: besides the tokens the shared bucket has now, up to twice
 * the observed round trip of tokens it will have (each due when it would exist, and spent only
 * from then on). While a reservation travels, the shared bucket is then already claimed into the
 * future, so a slow round trip cannot let it fill up and overflow (tokens lost) before the next
 * reservation arrives — and the node asks again while it still holds a round trip of permits.
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
    /** Tokens claimed ahead and not yet due (their due times: {@link #schedule}). */
    private long pending;
    private final DueTokens schedule;
    private long sentAt;
    private long roundTrip;
    private final double intervalNanos;

    private volatile long lastUsed;
    /** What this bucket did so far, for the diagnostics log (guarded by this). */
    private final BucketTally tally = new BucketTally();

    LeasedBucket(String key, TokenBucketSpec spec, LimitsRuntime runtime, long now) {
        this.key = key;
        this.spec = spec;
        this.runtime = runtime;
        this.demandSince = now;
        this.retryAt = now;
        this.lastUsed = now;
        this.intervalNanos = spec.blocksAll() ? 1 : spec.interval(1e9);
        this.schedule = new DueTokens(intervalNanos);
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
        long ahead = 0;
        synchronized (this) {
            demand++;
            if (permits == 0 && pending > 0) {
                mature(now);
            }
            if (permits > 0) {
                permits--;
                wait = 0;
                tally.spent++;
            } else if (!runtime.remoteUp()) {
                wait = runtime.settings().failOpen() ? takeShare(now) : SECOND;
                if (wait == 0) {
                    tally.inFallback++;
                }
                if (wait == 0 && debt < spec.burst()) {
                    // charged to the shared bucket once it is back, so a short outage admits no more
                    // than one bucket would; at most a burst, so a long one does not throttle after it
                    debt++;
                }
            } else if (!synced || sharedHadMore) {
                wait = takeShare(now);
                if (wait == 0) {
                    debt++;
                    tally.onCredit++;
                }
            } else if (pending > 0) {
                wait = Math.max(schedule.nextDue() - now, 1);
            } else {
                wait = Math.max(retryAt - now, 1);
            }
            if (wait > 0) {
                refusedSinceAnswer = true;
                tally.refused++;
            }
            if (runtime.remoteUp() && !inFlight && now - retryAt >= 0 && permits + pending <= batch / 2) {
                inFlight = true;
                sentAt = now;
                ahead = aheadMicros();
                // demand went unmet: take all that refilled meanwhile (up to the cap), so that a slow
                // round trip does not leave tokens to overflow the shared bucket
                wanted = refusedSinceAnswer ? Math.max(batch, Math.max(maxBatch(), spec.burst())) : batch;
                refusedSinceAnswer = false;
                charge = Math.min(debt, spec.burst());
                debt = 0;
                tally.asked(wanted, charge);
            }
        }
        if (wanted > 0) {
            runtime.reserve(this, wanted, charge, ahead);
        }
        return wait;
    }

    /** Moves the tokens claimed ahead that are due by {@code now} to the spendable permits. */
    private void mature(long now) {
        long due = schedule.takeDue(now);
        permits += due;
        pending -= due;
    }

    /** Adds granted tokens, the last of them due at {@link TokenBucketSpec.Take#lastDue} (wall-clock µs). */
    private void receive(TokenBucketSpec.Take take, long now, long wallMicros) {
        if (take.granted() == 0) {
            return;
        }
        schedule.add(take.granted(), now + (take.lastDue() - wallMicros) * 1_000);
        pending += take.granted();
        mature(now);
    }

    /** Requests admitted on credit are paid from the permits first, then from the tokens still to come. */
    private void repayDebt() {
        long repaid = Math.min(debt, permits);
        permits -= repaid;
        debt -= repaid;
        long fromPending = schedule.remove(debt);
        pending -= fromPending;
        debt -= fromPending;
    }

    /**
     * How far ahead a reservation claims: twice the slowest recent round trip (a spike counts at
     * once, calm answers lower it slowly), at most twice the reservation deadline.
     */
    private long aheadMicros() {
        return Math.min(2 * roundTrip, 2 * runtime.settings().remoteTimeout().toNanos()) / 1_000;
    }

    /**
     * Gives back a permit taken for a request that another limit then refused. One admitted on
     * credit (or in fallback) is undone by owing one less, not by a permit the bucket never had.
     */
    public synchronized void release() {
        if (debt > 0) {
            debt--;
        } else {
            permits++;
        }
        tally.released++;
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
    void granted(TokenBucketSpec.Take take, long wanted, long now, long wallMicros) {
        synchronized (this) {
            inFlight = false;
            synced = true;
            long trip = now - sentAt;
            roundTrip = trip >= roundTrip ? trip : roundTrip - (roundTrip - trip) / 8;
            tally.answered(take.granted(), wanted, trip);
            receive(take, now, wallMicros);
            // requests admitted on credit while this reservation travelled are paid from it first
            repayDebt();
            // credit only while the shared bucket had tokens to spare right now, not merely ahead
            sharedHadMore = take.granted() == wanted && take.lastDue() <= wallMicros;
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
                long covered = runtime.settings().lease().toNanos() + aheadMicros() * 1_000;
                batch = Math.max(1, Math.min(maxBatch(), (long) Math.ceil(perSecond * covered / 1e9)));
                demand = 0;
                demandSince = now;
            }
        }
    }

    /**
     * An answer that came after its deadline, when {@link #failed} had already put the charge back
     * as debt: the tokens are the node's all the same, and the charge was made.
     */
    void grantedLate(TokenBucketSpec.Take take, long charge, long now, long wallMicros) {
        synchronized (this) {
            receive(take, now, wallMicros);
            tally.late(take.granted());
            long uncharged = Math.min(debt, charge);
            debt -= uncharged;
        }
    }

    /** No answer (Infinispan away, deadline passed, contention): the debt stays to be charged later. */
    void failed(long charge, long now) {
        synchronized (this) {
            inFlight = false;
            debt += charge;
            tally.failed++;
            retryAt = now + RETRY_BACKOFF;
            // no answer within the deadline: the round trip is at least that long
            roundTrip = Math.max(roundTrip, now - sentAt);
        }
    }

    /**
     * A quarter second of the node's share of the rate, plus its share of the look-ahead: enough to
     * collect what refills during a slow round trip, and few enough that permits left unspent at a
     * standstill are a small part of any window (tokens claimed ahead are due later: not lost).
     */
    private long maxBatch() {
        double seconds = 0.25 + aheadMicros() / 1e6;
        return Math.max(1, (long) Math.ceil(spec.ratePerSecond() * seconds / runtime.liveNodes()));
    }

    /** One line of what this bucket did so far and holds now (the diagnostics log, tests). */
    public synchronized String describe() {
        return tally.describe() + String.format(" | now: permits %d, pending %d, debt %d, batch %d, round trip %.1f ms, ahead %.1f ms",
                permits, pending, debt, batch, roundTrip / 1e6, aheadMicros() / 1e3);
    }

    /** Permits reserved and not yet spent, due or claimed ahead (for tests and metrics). */
    public synchronized long unspent() {
        return permits + pending;
    }
}
