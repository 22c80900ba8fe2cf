package io.tollgate.gateway.policy.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollgate.gateway.integration.CircuitBreaker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.infinispan.client.hotrod.RemoteCache;
import org.jboss.logging.Logger;

/**
 * The shared response cache in Infinispan, seen from one node: a {@link NearCache} of recently used
 * entries answers most hits on popular keys without a round trip; behind it, Hot Rod's asynchronous calls only,
 * each bounded by a short timeout (a slow cache must cost a request no more than a miss would), and
 * a circuit breaker so that an unreachable Infinispan is bypassed at once instead of being waited
 * for on every request. The remote cache is looked up on a worker thread, lazily and again after a
 * failure, so a node starts and serves while Infinispan is away.
 */
public final class ResponseCacheStore {

    private static final Logger LOG = Logger.getLogger(ResponseCacheStore.class);

    /** What a lookup found; {@link #UNAVAILABLE} when the cache could not answer in time. */
    public sealed interface Lookup {
    }

    record Found(CachedResponse response) implements Lookup {
    }

    record Absent() implements Lookup {
    }

    record Unavailable() implements Lookup {
    }

    static final Lookup ABSENT = new Absent();
    static final Lookup UNAVAILABLE = new Unavailable();

    private final Vertx vertx;
    private final NearCache near;
    private final Supplier<RemoteCache<String, byte[]>> remoteCache;
    private final long timeoutMillis;
    private final CircuitBreaker breaker;
    private final AtomicBoolean acquiring = new AtomicBoolean();
    private volatile RemoteCache<String, byte[]> cache;
    final Counter hits;
    final Counter misses;
    final Counter bypasses;
    private final Counter errors;
    private final Counter nearHits;

    /**
     * @param remoteCache   gets (or creates) the remote cache; may block, called on a worker thread
     * @param timeoutMillis the longest a lookup may take before the request goes on without the cache
     * @param near          the node's near cache settings (entries 0: every lookup asks Infinispan)
     */
    public ResponseCacheStore(Vertx vertx, Supplier<RemoteCache<String, byte[]>> remoteCache, long timeoutMillis,
            CircuitBreaker breaker, NearSettings near, MeterRegistry metrics) {
        this.vertx = vertx;
        this.near = new NearCache(near.maxEntries(), near.maxBytes(), near.maxAge().toNanos(), System::nanoTime);
        this.remoteCache = remoteCache;
        this.timeoutMillis = timeoutMillis;
        this.breaker = breaker;
        this.hits = outcome(metrics, "hit");
        this.misses = outcome(metrics, "miss");
        this.bypasses = outcome(metrics, "bypass");
        this.errors = Counter.builder("tollgate.cache.errors")
                .description("Response cache calls that failed or timed out (Infinispan unreachable or slow)").register(metrics);
        this.nearHits = Counter.builder("tollgate.cache.near.hits")
                .description("Response cache hits answered from the node's near cache (no Infinispan round trip)").register(metrics);
        Gauge.builder("tollgate.cache.near.entries", this.near, NearCache::entries)
                .description("Entries in the node's near cache").register(metrics);
        Gauge.builder("tollgate.cache.near.size", this.near, NearCache::bytes).baseUnit("bytes")
                .description("Bytes the node's near cache holds (headers and bodies, estimated)").register(metrics);
    }

    /**
     * The node's near cache: at most this many entries and bytes, each answered from memory for at
     * most {@code maxAge} (and never past its TTL) before Infinispan is asked again.
     */
    public record NearSettings(int maxEntries, long maxBytes, Duration maxAge) {
        public static final NearSettings OFF = new NearSettings(0, 0, Duration.ZERO);
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return Counter.builder("tollgate.cache.lookups").description("Response cache lookups by outcome")
                .tag("outcome", outcome).register(metrics);
    }

    /**
     * Completes on the caller's event loop, within the timeout, never failed; at once (no round trip,
     * no timer) when the near cache has the entry.
     */
    Future<Lookup> get(String key) {
        RemoteCache<String, byte[]> remote = available();
        if (remote == null) {
            return Future.succeededFuture(UNAVAILABLE);
        }
        CachedResponse nearby = near.get(key);
        if (nearby != null) {
            nearHits.increment();
            return Future.succeededFuture(new Found(nearby));
        }
        // with a near cache, the entry's creation time and lifespan say how long it may be kept here
        CompletableFuture<Stored> call = near.enabled()
                ? remote.getWithMetadataAsync(key).thenApply(found -> found == null ? null
                        : new Stored(found.getValue(), found.getCreated(), found.getLifespan()))
                : remote.getAsync(key).thenApply(value -> value == null ? null : new Stored(value, -1, -1));
        return bounded(call, UNAVAILABLE_VALUE)
                .map(stored -> {
                    if (stored == UNAVAILABLE_VALUE) {
                        return UNAVAILABLE;
                    }
                    CachedResponse response = stored == null || stored.value() == null ? null : CachedResponse.decode(stored.value());
                    if (response == null) {
                        return ABSENT;
                    }
                    near.put(key, response, remainingNanos(stored));
                    return new Found(response);
                });
    }

    /** Fire and forget: a store that fails only counts as an error. */
    void put(String key, CachedResponse response, int ttlSeconds) {
        RemoteCache<String, byte[]> remote = available();
        if (remote != null) {
            near.put(key, response, TimeUnit.SECONDS.toNanos(ttlSeconds));
            bounded(remote.putAsync(key, response.encode(), ttlSeconds, TimeUnit.SECONDS).thenApply(previous -> NOTHING), UNAVAILABLE_VALUE);
        }
    }

    /** Removes one entry (a permitted client invalidation); completes within the timeout, never failed. */
    Future<Void> remove(String key) {
        near.remove(key);
        RemoteCache<String, byte[]> remote = available();
        if (remote == null) {
            return Future.succeededFuture();
        }
        return bounded(remote.removeAsync(key).thenApply(previous -> NOTHING), UNAVAILABLE_VALUE).mapEmpty();
    }

    /** How much longer Infinispan keeps the entry, from its creation time and lifespan; unknown: the near cache's own max age. */
    private static long remainingNanos(Stored stored) {
        if (stored.createdMillis() < 0 || stored.lifespanSeconds() < 0) {
            return Long.MAX_VALUE;
        }
        long expiresAtMillis = stored.createdMillis() + TimeUnit.SECONDS.toMillis(stored.lifespanSeconds());
        return TimeUnit.MILLISECONDS.toNanos(expiresAtMillis - System.currentTimeMillis());
    }

    /** What Infinispan holds for a key: the encoded answer, when it was stored and for how long (-1: unknown). */
    private record Stored(byte[] value, long createdMillis, int lifespanSeconds) {
    }

    private static final Stored NOTHING = new Stored(null, -1, -1);
    private static final Stored UNAVAILABLE_VALUE = new Stored(null, -1, -1);

    /** The remote cache when the breaker lets a call through; else null, and a lookup is started if needed. */
    private RemoteCache<String, byte[]> available() {
        if (!breaker.allowRequest(System.nanoTime())) {
            return null;
        }
        RemoteCache<String, byte[]> current = cache;
        if (current == null) {
            acquire();
        }
        return current;
    }

    private void acquire() {
        if (!acquiring.compareAndSet(false, true)) {
            return; // already under way; this request bypasses the cache meanwhile
        }
        vertx.executeBlocking(() -> remoteCache.get()).onComplete(done -> {
            acquiring.set(false);
            if (done.succeeded() && done.result() != null) {
                cache = done.result();
                breaker.succeeded();
            } else {
                LOG.warnf("response cache unavailable, bypassing it: %s", done.cause());
                failed();
            }
        });
    }

    /** A call failed or timed out: count it, tell the breaker, and stop answering from what cannot be checked now. */
    private void failed() {
        errors.increment();
        breaker.failed(System.nanoTime());
        near.clear();
    }

    /** Back on the calling event loop, within the timeout; a failure or timeout yields {@code unavailable}. */
    private <T> Future<T> bounded(CompletableFuture<? extends T> call, T unavailable) {
        Context context = vertx.getOrCreateContext();
        Promise<T> promise = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (promise.tryComplete(unavailable)) {
                failed();
            }
        });
        call.whenComplete((value, failure) -> context.runOnContext(ignored -> {
            vertx.cancelTimer(timer);
            if (failure != null) {
                if (promise.tryComplete(unavailable)) {
                    failed();
                }
            } else if (promise.tryComplete(value)) {
                breaker.succeeded();
            }
        }));
        return promise.future();
    }
}
