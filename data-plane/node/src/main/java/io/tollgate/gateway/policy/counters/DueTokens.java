package io.tollgate.gateway.policy.counters;

/**
 * Tokens a node claimed ahead of time from a shared bucket, by when each may be spent: one run per
 * grant (its tokens one interval apart, the last due at the grant's {@link TokenBucketSpec.Take#lastDue}).
 * Runs are kept apart because another node's grants fall between them on the bucket's timeline:
 * merged, this node's earlier tokens would be pushed later, and those near the end of a window
 * would be lost to it. Few runs are ever open (one reservation travels at a time); past
 * {@link #MAX_RUNS} the two oldest merge, which can only make a token due later, never sooner.
 * Not thread-safe: guarded by its {@link LeasedBucket}.
 */
final class DueTokens {

    static final int MAX_RUNS = 4;

    private final double intervalNanos;
    private final long[] counts = new long[MAX_RUNS];
    private final long[] lastDues = new long[MAX_RUNS];
    private int runs;

    DueTokens(double intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    void add(long count, long lastDue) {
        if (runs == MAX_RUNS) {
            counts[1] += counts[0];
            lastDues[1] = Math.max(lastDues[0], lastDues[1]);
            shift(1);
        }
        counts[runs] = count;
        lastDues[runs] = lastDue;
        runs++;
    }

    /** Removes and counts the tokens due by {@code now}. */
    long takeDue(long now) {
        long due = 0;
        while (runs > 0) {
            long notYet = lastDues[0] - now <= 0 ? 0 : Math.min(counts[0], (long) Math.ceil((lastDues[0] - now) / intervalNanos));
            due += counts[0] - notYet;
            if (notYet > 0) {
                counts[0] = notYet;
                break;
            }
            shift(1);
        }
        return due;
    }

    /** When the next token is due (only while some are held). */
    long nextDue() {
        return lastDues[0] - (long) ((counts[0] - 1) * intervalNanos);
    }

    /** Removes up to {@code wanted} tokens, the latest first (they pay a debt); @return how many. */
    long remove(long wanted) {
        long removed = 0;
        while (runs > 0 && removed < wanted) {
            int last = runs - 1;
            long take = Math.min(wanted - removed, counts[last]);
            counts[last] -= take;
            // the run keeps its earliest tokens
            lastDues[last] -= (long) (take * intervalNanos);
            removed += take;
            if (counts[last] == 0) {
                runs--;
            }
        }
        return removed;
    }

    private void shift(int by) {
        System.arraycopy(counts, by, counts, 0, runs - by);
        System.arraycopy(lastDues, by, lastDues, 0, runs - by);
        runs -= by;
    }
}
