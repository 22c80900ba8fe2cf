package io.tollgate.gateway.policy.quota;

import io.tollgate.gateway.config.ApiKeyEntry;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.PolicyOrder;
import io.tollgate.gateway.policy.counters.LeasedQuota;
import io.tollgate.gateway.policy.counters.LimitsRuntime;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
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
        // the stage key string is built by the throttle's compiled stage too; here it is one concat per keyed request
        LeasedQuota[] quotas = compiled.forStage(ApiKeyEntry.stageKey(exchange.stage().config().apiId(), exchange.stage().config().name()));
        if (quotas.length == 0) {
            return CONTINUE;
        }
        long nowMillis = System.currentTimeMillis();
        long nowNanos = System.nanoTime();
        LeasedQuota.Decision tightest = null;
        for (int i = 0; i < quotas.length; i++) {
            LeasedQuota.Decision decision = quotas[i].tryAcquire(nowMillis, nowNanos);
            if (!decision.admitted()) {
                for (int j = 0; j < i; j++) {
                    quotas[j].release();
                }
                if (decision.remaining() < 0) { // fail-closed while the counts are unreachable
                    return Rejection.of(GatewayError.THROTTLED, Map.of("retry-after", "1"));
                }
                long reset = resetSeconds(decision, nowMillis);
                return Rejection.of(GatewayError.QUOTA_EXCEEDED, Map.of("retry-after", Long.toString(reset),
                        LIMIT_HEADER, Long.toString(decision.limit()), REMAINING_HEADER, "0", RESET_HEADER, Long.toString(reset)));
            }
            if (tightest == null || decision.remaining() < tightest.remaining()) {
                tightest = decision;
            }
        }
        MultiMap headers = exchange.response().headers();
        headers.set(LIMIT_HEADER, Long.toString(tightest.limit()));
        headers.set(REMAINING_HEADER, Long.toString(tightest.remaining()));
        headers.set(RESET_HEADER, Long.toString(resetSeconds(tightest, nowMillis)));
        return CONTINUE;
    }

    private static long resetSeconds(LeasedQuota.Decision decision, long nowMillis) {
        return Math.max(1, (decision.resetMillis() - nowMillis + 999) / 1000);
    }
}
