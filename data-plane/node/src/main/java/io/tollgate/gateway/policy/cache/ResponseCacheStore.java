package io.tollgate.gateway.policy.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollgate.gateway.integration.CircuitBreaker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.infinispan.client.hotrod.RemoteCache;
import org.jboss.logging.Logger;

/**
 * The shared response cache in Infinispan, seen from one node: Hot Rod's asynchronous calls only,
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
    private final Supplier<RemoteCache<String, byte[]>> remoteCache;
    private final long timeoutMillis;
    private final CircuitBreaker breaker;
    private final AtomicBoolean acquiring = new AtomicBoolean();
    private volatile RemoteCache<String, byte[]> cache;
    final Counter hits;
    final Counter misses;
    final Counter bypasses;
    private final Counter errors;

    /**
     * @param remoteCache   gets (or creates) the remote cache; may block, called on a worker thread
     * @param timeoutMillis the longest a lookup may take before the request goes on without the cache
     */
    public ResponseCacheStore(Vertx vertx, Supplier<RemoteCache<String, byte[]>> remoteCache, long timeoutMillis,
            CircuitBreaker breaker, MeterRegistry metrics) {
        this.vertx = vertx;
        this.remoteCache = remoteCache;
        this.timeoutMillis = timeoutMillis;
        this.breaker = breaker;
        this.hits = outcome(metrics, "hit");
        this.misses = outcome(metrics, "miss");
        this.bypasses = outcome(metrics, "bypass");
        this.errors = Counter.builder("tollgate.cache.errors")
                .description("Response cache calls that failed or timed out (Infinispan unreachable or slow)").register(metrics);
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return Counter.builder("tollgate.cache.lookups").description("Response cache lookups by outcome")
                .tag("outcome", outcome).register(metrics);
    }

    /** Completes on the caller's event loop, within the timeout, never failed. */
    Future<Lookup> get(String key) {
        RemoteCache<String, byte[]> remote = available();
        if (remote == null) {
            return Future.succeededFuture(UNAVAILABLE);
        }
        return bounded(remote.getAsync(key)).map(bytes -> {
            if (bytes == UNAVAILABLE_BYTES) {
                return UNAVAILABLE;
            }
            CachedResponse response = bytes == null ? null : CachedResponse.decode(bytes);
            return response == null ? ABSENT : new Found(response);
        });
    }

    /** Fire and forget: a store that fails only counts as an error. */
    void put(String key, CachedResponse response, int ttlSeconds) {
        RemoteCache<String, byte[]> remote = available();
        if (remote != null) {
            bounded(remote.putAsync(key, response.encode(), ttlSeconds, TimeUnit.SECONDS).thenApply(previous -> NOTHING));
        }
    }

    /** Removes one entry (a permitted client invalidation); completes within the timeout, never failed. */
    Future<Void> remove(String key) {
        RemoteCache<String, byte[]> remote = available();
        if (remote == null) {
            return Future.succeededFuture();
        }
        return bounded(remote.removeAsync(key).thenApply(previous -> NOTHING)).mapEmpty();
    }

    private static final byte[] NOTHING = new byte[0];
    private static final byte[] UNAVAILABLE_BYTES = new byte[0];

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
                errors.increment();
                breaker.failed(System.nanoTime());
            }
        });
    }

    /** Back on the calling event loop, within the timeout; a failure or timeout yields UNAVAILABLE_BYTES. */
    private Future<byte[]> bounded(CompletableFuture<byte[]> call) {
        Context context = vertx.getOrCreateContext();
        Promise<byte[]> promise = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (promise.tryComplete(UNAVAILABLE_BYTES)) {
                errors.increment();
                breaker.failed(System.nanoTime());
            }
        });
        call.whenComplete((value, failure) -> context.runOnContext(ignored -> {
            vertx.cancelTimer(timer);
            if (failure != null) {
                if (promise.tryComplete(UNAVAILABLE_BYTES)) {
                    errors.increment();
                    breaker.failed(System.nanoTime());
                }
            } else if (promise.tryComplete(value)) {
                breaker.succeeded();
            }
        }));
        return promise.future();
    }
}
