package io.tollgate.gateway.policy.cache;

import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.PolicyOrder;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import java.util.Locale;
import java.util.Map;

/**
 * The shared response cache (Infinispan), for stages and routes that enable it. Lookup before the
 * integration: a hit answers at once; a miss lets the integration answer and stores what it
 * answered (2xx, up to {@link #MAX_ENTRY_BYTES}, unless the upstream said {@code no-store} or
 * {@code private}). GET only, unless a route's own cache setting enables caching for its method.
 * A client's {@code Cache-Control: max-age=0} removes the entry when its API key or token may
 * (see {@link StageConfig.CacheConfig}); otherwise it is ignored, or refused when the stage says so.
 * Every answer of a caching route carries {@value #STATUS_HEADER}: HIT, MISS or BYPASS (cache not
 * reachable in time, nothing stored).
 */
public final class ResponseCachePolicy implements Policy {

    public static final String STATUS_HEADER = "x-tollgate-cache";
    /** Larger answers are not stored (they would crowd out many small ones). */
    public static final int MAX_ENTRY_BYTES = 1024 * 1024;

    private final ResponseCacheStore store;

    public ResponseCachePolicy(ResponseCacheStore store) {
        this.store = store;
    }

    @Override
    public PolicyOrder order() {
        return PolicyOrder.CACHE;
    }

    @Override
    public Future<Rejection> onRequest(Exchange exchange) {
        StageConfig.CacheConfig stageCache = exchange.stage().config().cache();
        RouteConfig route = exchange.route();
        StageConfig.CacheConfig settings = stageCache.forRoute(route.method(), route.path());
        String method = exchange.request().method().name();
        boolean overridden = settings != stageCache;
        if (!settings.enabled() || !(method.equals("GET") || overridden && method.equals(route.method()))) {
            return CONTINUE;
        }
        StageConfig stage = exchange.stage().config();
        String key = CacheKey.of(stage.tenantId(), stage.apiId(), stage.name(), stageCache.generationOrZero(), method,
                exchange.routePath(), settings.keyParameters(), exchange.request());
        if (asksToInvalidate(exchange)) {
            if (mayInvalidate(exchange, stageCache)) {
                return store.remove(key).map(removed -> {
                    miss(exchange, key, settings.ttlSeconds());
                    return null;
                });
            }
            if (Boolean.TRUE.equals(stageCache.forbidUnauthorizedInvalidation())) {
                return Rejection.of(GatewayError.CACHE_INVALIDATION_FORBIDDEN);
            }
        }
        return store.get(key).map(lookup -> switch (lookup) {
            case ResponseCacheStore.Found found -> {
                store.hits.increment();
                exchange.cacheStatus(Exchange.CacheStatus.HIT);
                answer(exchange, found.response());
                yield ANSWERED_REJECTION;
            }
            case ResponseCacheStore.Absent absent -> {
                miss(exchange, key, settings.ttlSeconds());
                yield null;
            }
            case ResponseCacheStore.Unavailable unavailable -> {
                store.bypasses.increment();
                exchange.cacheStatus(Exchange.CacheStatus.BYPASS);
                yield null;
            }
        });
    }

    @Override
    public void onResponseHeaders(Exchange exchange) {
        if (exchange.cacheStatus() != null) {
            exchange.response().putHeader(STATUS_HEADER, exchange.cacheStatus().name());
        }
    }

    private void miss(Exchange exchange, String key, int ttlSeconds) {
        store.misses.increment();
        exchange.cacheStatus(Exchange.CacheStatus.MISS);
        exchange.tapResponse(MAX_ENTRY_BYTES, body -> {
            HttpServerResponse response = exchange.response();
            if (storable(response)) {
                store.put(key, CachedResponse.of(response.getStatusCode(), response.headers(), body), ttlSeconds);
            }
        });
    }

    private static boolean storable(HttpServerResponse response) {
        int status = response.getStatusCode();
        if (status < 200 || status > 299 || status == 206) {
            return false;
        }
        String cacheControl = response.headers().get("cache-control");
        if (cacheControl == null) {
            return true;
        }
        String directives = cacheControl.toLowerCase(Locale.ROOT);
        return !directives.contains("no-store") && !directives.contains("private");
    }

    private static boolean asksToInvalidate(Exchange exchange) {
        String cacheControl = exchange.request().getHeader("cache-control");
        return cacheControl != null && cacheControl.replace(" ", "").toLowerCase(Locale.ROOT).contains("max-age=0");
    }

    private static boolean mayInvalidate(Exchange exchange, StageConfig.CacheConfig cache) {
        if (cache.invalidationKeyIds() != null && exchange.apiKey() != null
                && cache.invalidationKeyIds().contains(exchange.apiKey().key().id())) {
            return true;
        }
        return cache.invalidationScope() != null && exchange.authorizer() != null
                && exchange.authorizer().scopes().contains(cache.invalidationScope());
    }

    private static void answer(Exchange exchange, CachedResponse cached) {
        HttpServerResponse response = exchange.response().setStatusCode(cached.status());
        for (Map.Entry<String, String> header : cached.headers()) {
            response.headers().add(header.getKey(), header.getValue());
        }
        response.putHeader("x-request-id", exchange.requestId());
        response.end(cached.body());
    }
}
