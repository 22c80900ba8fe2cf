package io.tollgate.gateway.policy.counters;

/**
 * Running totals of one {@link LeasedBucket}: where its admissions came from (reserved permits,
 * credit, fallback shares), what it asked of the shared bucket and got, and how long that took.
 * Read by a person comparing nodes after a measurement (the limits' diagnostics log). Not
 * thread-safe: guarded by its bucket.
 */
final class BucketTally {

    long spent;
    long onCredit;
    long inFallback;
    long refused;
    long released;
    long failed;
    private long reservations;
    private long asked;
    private long charged;
    private long granted;
    private long shortAnswers;
    private long lateGranted;
    private long answers;
    private long tripTotal;
    private long tripMax;

    void asked(long wanted, long charge) {
        reservations++;
        asked += wanted;
        charged += charge;
    }

    void answered(long grantedNow, long wanted, long tripNanos) {
        answers++;
        granted += grantedNow;
        if (grantedNow < wanted) {
            shortAnswers++;
        }
        tripTotal += tripNanos;
        tripMax = Math.max(tripMax, tripNanos);
    }

    void late(long grantedLate) {
        lateGranted += grantedLate;
    }

    String describe() {
        return String.format("admitted %d (permits %d, credit %d, fallback %d), refused %d, released %d; "
                        + "reservations %d (answered %d, short %d, failed %d): asked %d, got %d (+%d late), charged %d; "
                        + "round trip avg %.1f ms, max %.1f ms",
                spent + onCredit + inFallback, spent, onCredit, inFallback, refused, released,
                reservations, answers, shortAnswers, failed, asked, granted, lateGranted, charged,
                answers == 0 ? 0 : tripTotal / 1e6 / answers, tripMax / 1e6);
    }
}
