package io.tollgate.gateway.policy.quota;

import io.tollgate.contract.v1.StageConfig;
import io.tollgate.gateway.config.ApiKeyEntry;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.PolicyOrder;
import io.tollgate.gateway.policy.counters.LeasedQuota;
import io.tollgate.gateway.policy.counters.LimitsRuntime;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Usage-plan quotas per API key: at most N requests per UTC day, ISO week or month, counted
 * cluster-wide (see {@link LeasedQuota}). Every answer to a request under a quota carries
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (seconds
 * until the window ends) of the quota with the least left; a request beyond the quota is refused
 * with {@code QUOTA_EXCEEDED} (429) and {@code Retry-After} = the end of the window.
 */
public final class QuotaPolicy implements Policy {

    public static final String LIMIT_HEADER = "x-ratelimit-limit";
    public static final String REMAINING_HEADER = "x-ratelimit-remaining";
    public static final String RESET_HEADER = "x-ratelimit-reset";
    // the same names in Vert.x's pre-encoded form: set on every keyed answer, encoded once here
    private static final CharSequence LIMIT_NAME = HttpHeaders.createOptimized(LIMIT_HEADER);
    private static final CharSequence REMAINING_NAME = HttpHeaders.createOptimized(REMAINING_HEADER);
    private static final CharSequence RESET_NAME = HttpHeaders.createOptimized(RESET_HEADER);

    private final LimitsRuntime runtime;
    private final ConcurrentMap<String, KeyQuotas> keys = new ConcurrentHashMap<>();

    public QuotaPolicy(LimitsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public PolicyOrder order() {
        return PolicyOrder.QUOTA;
    }

    @Override
    public Future<Rejection> onRequest(Exchange exchange) {
        ApiKeyEntry key = exchange.apiKey();
        if (key == null) {
            return CONTINUE;
        }
        KeyQuotas compiled = keys.get(key.key().id());
        if (compiled == null || compiled.compiledFrom != key) {
            compiled = new KeyQuotas(key, runtime);
            keys.put(key.key().id(), compiled);
        }
        StageConfig stage = exchange.stage().config();
        LeasedQuota[] quotas = compiled.forStage(stage.apiId(), stage.name());
        if (quotas.length == 0) {
            return CONTINUE;
        }
        long nowMillis = System.currentTimeMillis();
        long nowNanos = System.nanoTime();
        LeasedQuota tightest = null;
        long tightestRemaining = Long.MAX_VALUE;
        for (int i = 0; i < quotas.length; i++) {
            long remaining = quotas[i].tryAcquire(nowMillis, nowNanos);
            if (remaining < 0) {
                for (int j = 0; j < i; j++) {
                    quotas[j].release();
                }
                if (remaining == LeasedQuota.UNKNOWN) { // fail-closed while the counts are unreachable
                    return Rejection.of(GatewayError.THROTTLED, Map.of("retry-after", "1"));
                }
                String reset = Long.toString(resetSeconds(quotas[i], nowMillis));
                return Rejection.of(GatewayError.QUOTA_EXCEEDED, Map.of("retry-after", reset,
                        LIMIT_HEADER, quotas[i].limitText(), REMAINING_HEADER, "0", RESET_HEADER, reset));
            }
            if (remaining < tightestRemaining) {
                tightest = quotas[i];
                tightestRemaining = remaining;
            }
        }
        MultiMap headers = exchange.response().headers();
        headers.set(LIMIT_NAME, tightest.limitText());
        headers.set(REMAINING_NAME, Long.toString(tightestRemaining));
        headers.set(RESET_NAME, Long.toString(resetSeconds(tightest, nowMillis)));
        return CONTINUE;
    }

    private static long resetSeconds(LeasedQuota quota, long nowMillis) {
        return Math.max(1, (quota.windowEndMillis() - nowMillis + 999) / 1000);
    }
}
