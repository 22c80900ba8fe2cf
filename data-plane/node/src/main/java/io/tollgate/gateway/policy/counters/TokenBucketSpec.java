package io.tollgate.gateway.policy.counters;

import io.tollgate.contract.v1.StageConfig.ThrottleConfig;

/**
 * A token bucket (steady rate, burst capacity) in the form of the generic cell rate algorithm: the
 * whole state is one number, the theoretical arrival time (TAT), so that a shared bucket is one
 * cache entry that a version-checked replace updates. Pure arithmetic, any clock unit (the shared
 * buckets use wall-clock microseconds, the per-node shares {@link System#nanoTime()}).
 *
 * <p>A rate of 0 refuses everything (as a zero limit does in the cloud gateway); a burst below 1
 * with a positive rate is a bucket of one token, so a steady rate can pass at all.
 */
public record TokenBucketSpec(double ratePerSecond, long burst) {

    public static TokenBucketSpec of(ThrottleConfig config) {
        return new TokenBucketSpec(config.rateLimit(), Math.max(1, config.burstLimit()));
    }

    public boolean blocksAll() {
        return ratePerSecond <= 0;
    }

    /** This bucket divided among {@code nodes}: what one node enforces alone. */
    public TokenBucketSpec share(int nodes) {
        return nodes <= 1 ? this : new TokenBucketSpec(ratePerSecond / nodes, Math.max(1, burst / nodes));
    }

    /** Time for one token, in units of which a second has {@code unitsPerSecond}. */
    public double interval(double unitsPerSecond) {
        return unitsPerSecond / ratePerSecond;
    }

    /**
     * The outcome of taking up to {@code wanted} tokens (after forcing {@code charge} tokens already
     * spent elsewhere, which may drive the bucket below empty).
     *
     * @param granted tokens given, 0..wanted
     * @param tat     the new state
     * @param waitTime when nothing more is left, time until the next token; 0 otherwise
     * @param lastDue  when the last granted token exists in the bucket (≤ now unless taken ahead)
     */
    public record Take(long granted, long tat, long waitTime, long lastDue) {
    }

    /**
     * @param tat            current state (0 or any time in the past: a full bucket)
     * @param now            current time
     * @param unitsPerSecond the clock's units per second
     */
    public Take take(long tat, long now, long wanted, long charge, double unitsPerSecond) {
        return take(tat, now, wanted, charge, unitsPerSecond, 0);
    }

    /**
     * Like {@link #take(long, long, long, long, double)}, but may also claim tokens that the bucket
     * will only have within {@code ahead} from now (a reservation ahead of time): each such token
     * is due when it would exist, see {@link Take#lastDue}, and must not be spent before. Claimed
     * tokens are the claimer's, so the bucket cannot fill up and overflow while nobody is there to
     * take them (a slow round trip).
     */
    public Take take(long tat, long now, long wanted, long charge, double unitsPerSecond, long ahead) {
        if (blocksAll()) {
            return new Take(0, tat, (long) unitsPerSecond, now);
        }
        double interval = interval(unitsPerSecond);
        double tolerance = burst * interval;
        double horizon = now + tolerance + Math.max(0, ahead);
        double start = Math.max(tat, now) + charge * interval;
        long available = (long) Math.floor((horizon - start) / interval);
        long granted = Math.max(0, Math.min(wanted, available));
        double newTat = start + granted * interval;
        long wait = granted < wanted ? (long) Math.ceil(Math.max(0, newTat + interval - horizon)) : 0;
        return new Take(granted, (long) Math.ceil(newTat), wait, (long) Math.ceil(newTat - tolerance));
    }

    /** Time from {@code now} until a bucket in state {@code tat} is full again: how long its entry matters. */
    public long untilFull(long tat, long now) {
        return Math.max(0, tat - now);
    }
}
