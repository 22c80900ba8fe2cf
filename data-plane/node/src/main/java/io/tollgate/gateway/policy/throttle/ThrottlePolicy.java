package io.tollgate.gateway.policy.throttle;

import io.tollgate.gateway.config.ApiKeyEntry;
import io.tollgate.gateway.config.CompiledStage;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.PolicyOrder;
import io.tollgate.gateway.policy.counters.LeasedBucket;
import io.tollgate.gateway.policy.counters.LimitsRuntime;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token-bucket throttling, cluster-wide: the stage's bucket, the route's override, and for a
 * request with an API key its usage plans' buckets for this stage. Every bucket that applies must
 * have a token, so the strictest one decides; a refusal is {@code THROTTLED} (429) with
 * {@code Retry-After}, and tokens already taken from the other buckets are given back. The
 * buckets answer from local state (see {@link LeasedBucket}): the request never waits for Infinispan.
 *
 * <p>The buckets of a stage and of a key are compiled the first time a request meets a new
 * configuration version of them and kept until the next; the bucket state lives on across versions.
 */
public final class ThrottlePolicy implements Policy {

    private final LimitsRuntime runtime;
    private final ConcurrentMap<String, StageThrottles> stages = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, KeyThrottles> keys = new ConcurrentHashMap<>();

    public ThrottlePolicy(LimitsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public PolicyOrder order() {
        return PolicyOrder.THROTTLE;
    }

    @Override
    public Future<Rejection> onRequest(Exchange exchange) {
        StageThrottles stage = stageThrottles(exchange.stage());
        ApiKeyEntry key = exchange.apiKey();
        LeasedBucket[] keyBuckets = key == null ? null : keyThrottles(key).forStage(stage.stageKey);
        if (stage.empty() && (keyBuckets == null || keyBuckets.length == 0)) {
            return CONTINUE;
        }
        long now = System.nanoTime();
        // narrowest first: a key over its own limit does not spend the stage's tokens
        int taken = 0;
        if (keyBuckets != null) {
            for (LeasedBucket bucket : keyBuckets) {
                long wait = bucket.tryAcquire(now);
                if (wait > 0) {
                    return refuse(wait, keyBuckets, taken, null);
                }
                taken++;
            }
        }
        LeasedBucket route = stage.route(exchange.route());
        if (route != null) {
            long wait = route.tryAcquire(now);
            if (wait > 0) {
                return refuse(wait, keyBuckets, taken, null);
            }
        }
        if (stage.stage != null) {
            long wait = stage.stage.tryAcquire(now);
            if (wait > 0) {
                return refuse(wait, keyBuckets, taken, route);
            }
        }
        return CONTINUE;
    }

    private static Future<Rejection> refuse(long waitNanos, LeasedBucket[] keyBuckets, int taken, LeasedBucket route) {
        for (int i = 0; i < taken; i++) {
            keyBuckets[i].release();
        }
        if (route != null) {
            route.release();
        }
        return Rejection.of(GatewayError.THROTTLED, Map.of("retry-after", Long.toString(retryAfterSeconds(waitNanos))));
    }

    /** Whole seconds, rounded up, at least 1 (Retry-After has no fractions). */
    static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    private StageThrottles stageThrottles(CompiledStage stage) {
        StageThrottles compiled = stages.get(stage.config().id());
        if (compiled == null || compiled.compiledFrom != stage) {
            compiled = new StageThrottles(stage, runtime);
            stages.put(stage.config().id(), compiled);
        }
        return compiled;
    }

    private KeyThrottles keyThrottles(ApiKeyEntry key) {
        KeyThrottles compiled = keys.get(key.key().id());
        if (compiled == null || compiled.compiledFrom != key) {
            compiled = new KeyThrottles(key, runtime);
            keys.put(key.key().id(), compiled);
        }
        return compiled;
    }
}
