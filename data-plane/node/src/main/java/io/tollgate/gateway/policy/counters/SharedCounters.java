package io.tollgate.gateway.policy.counters;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.infinispan.client.hotrod.Flag;
import org.infinispan.client.hotrod.MetadataValue;
import org.infinispan.client.hotrod.RemoteCache;

/**
 * The cluster-wide side of rate limits and quotas: small entries in Infinispan's
 * {@code tollgate-counters} cache, each changed by read → compute → version-checked replace (or
 * put-if-absent for a new entry), retried on a conflict with another node. Every operation is
 * asynchronous; callers put a deadline on it and never block on one, requests never wait for one.
 */
public final class SharedCounters {

    /** Version conflicts in a row before an operation gives up (another node keeps winning). */
    static final int MAX_ATTEMPTS = 16;

    private final Supplier<RemoteCache<String, Object>> cache;
    private final long timeoutMillis;

    /** @param cache the counters cache, or null while it is not (yet) reachable */
    public SharedCounters(Supplier<RemoteCache<String, Object>> cache, Duration timeout) {
        this.cache = cache;
        this.timeoutMillis = timeout.toMillis();
    }

    /** What one change writes and what it tells the caller. */
    record Change<R>(Object value, long lifespanMillis, R result) {
    }

    /** A token grant from a shared bucket (see {@link TokenBucketSpec#take}), wall-clock microseconds. */
    /** @param aheadMicros how far ahead tokens may be claimed (see {@link TokenBucketSpec#take(long, long, long, long, double, long)}) */
    public CompletableFuture<TokenBucketSpec.Take> takeTokens(String key, TokenBucketSpec spec, long wanted, long charge,
            long aheadMicros) {
        return change(key, current -> {
            long now = wallMicros();
            TokenBucketSpec.Take take = spec.take(current == null ? 0 : (Long) current, now, wanted, charge, 1e6, aheadMicros);
            // once the bucket is full again its entry says nothing an absent one would not
            long lifespan = Math.max(1_000, spec.untilFull(take.tat(), now) / 1000 + 1_000);
            return new Change<>(take.tat(), lifespan, take);
        });
    }

    /**
     * Up to {@code wanted} more requests of a quota window ({@code charge} already spent are counted
     * whatever is left).
     *
     * @param endMillis when the window ends; the entry lives a day longer (clock skew, late readers)
     */
    public CompletableFuture<QuotaGrant> takeQuota(String key, long limit, long wanted, long charge, long endMillis) {
        return change(key, current -> {
            long used = (current == null ? 0 : (Long) current) + charge;
            long granted = Math.max(0, Math.min(wanted, limit - used));
            long lifespan = Math.max(1_000, endMillis - System.currentTimeMillis() + Duration.ofDays(1).toMillis());
            return new Change<>(used + granted, lifespan, new QuotaGrant(granted, used + granted));
        });
    }

    /** The clock of shared buckets: wall-clock microseconds (all nodes must agree on it, NTP). */
    static long wallMicros() {
        return System.currentTimeMillis() * 1000;
    }

    /** @param usedAfter the window's count cluster-wide after this grant */
    public record QuotaGrant(long granted, long usedAfter) {
    }

    /** Other nodes kept changing the entry first: Infinispan is there, this answer is just late. */
    static final class Contended extends RuntimeException {
        Contended(String key) {
            super("counter " + key + " contended", null, false, false);
        }
    }

    /** Any change of one entry, e.g. the node roster's heartbeats. */
    <R> CompletableFuture<R> change(String key, Function<Object, Change<R>> change) {
        RemoteCache<String, Object> remote = cache.get();
        if (remote == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Infinispan counters cache not reachable"));
        }
        return attempt(remote, key, change, 1);
    }

    /** The deadline callers put on an answer (the answer itself may still come later). */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    private <R> CompletableFuture<R> attempt(RemoteCache<String, Object> remote, String key,
            Function<Object, Change<R>> change, int attempt) {
        return remote.getWithMetadataAsync(key).thenCompose(current -> {
            Change<R> next = change.apply(current == null ? null : current.getValue());
            CompletableFuture<Boolean> written = write(remote, key, current, next);
            return written.thenCompose(done -> {
                if (done) {
                    return CompletableFuture.completedFuture(next.result());
                }
                if (attempt >= MAX_ATTEMPTS) {
                    return CompletableFuture.failedFuture(new Contended(key));
                }
                return attempt(remote, key, change, attempt + 1);
            });
        });
    }

    private static CompletableFuture<Boolean> write(RemoteCache<String, Object> remote, String key,
            MetadataValue<Object> current, Change<?> next) {
        if (current == null) {
            // without FORCE_RETURN_VALUE Hot Rod answers null whether or not the entry existed
            return remote.withFlags(Flag.FORCE_RETURN_VALUE)
                    .putIfAbsentAsync(key, next.value(), next.lifespanMillis(), TimeUnit.MILLISECONDS)
                    .thenApply(previous -> previous == null);
        }
        return remote.replaceWithVersionAsync(key, next.value(), current.getVersion(),
                next.lifespanMillis(), TimeUnit.MILLISECONDS, 0, TimeUnit.MILLISECONDS);
    }
}
