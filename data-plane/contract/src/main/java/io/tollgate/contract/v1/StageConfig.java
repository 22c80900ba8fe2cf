package io.tollgate.contract.v1;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A stage of an API ({@code prod}, {@code dev}, …): which deployment it serves and how.
 *
 * @param routeThrottles per-route throttling overrides, keyed {@code "METHOD /path"} as in the route
 * @param canary         optional: a share of requests served by another deployment
 */
public record StageConfig(
        String id,
        String tenantId,
        long revision,
        String apiId,
        String name,
        String deploymentId,
        Map<String, String> variables,
        ThrottleConfig throttle,
        Map<String, ThrottleConfig> routeThrottles,
        CacheConfig cache,
        boolean accessLogging,
        CanaryConfig canary) implements ConfigRecord {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public StageConfig {
        Check.required(id, "id");
        Check.required(tenantId, "tenantId");
        Check.required(apiId, "apiId");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("stage name must be 1-128 letters, digits, - or _, got " + name);
        }
        Check.required(deploymentId, "deploymentId");
        variables = Check.map(variables);
        routeThrottles = Check.map(routeThrottles);
        cache = cache == null ? CacheConfig.DISABLED : cache;
    }

    @Override
    public ConfigKind kind() {
        return ConfigKind.STAGE;
    }

    /** Token-bucket throttling: steady requests per second and the burst the bucket holds. */
    public record ThrottleConfig(double rateLimit, int burstLimit) {

        public ThrottleConfig {
            if (!(rateLimit >= 0) || rateLimit > 1_000_000) {
                throw new IllegalArgumentException("rateLimit must be between 0 and 1000000, got " + rateLimit);
            }
            Check.between(burstLimit, 0, 1_000_000, "burstLimit");
        }
    }

    /**
     * Response caching of a stage; TTL default 300 s, at most 3600 s. The optional fields are null
     * when unset (and then left out of the record, so older records and nodes read the same):
     *
     * @param routes                 per-route overrides keyed {@code "METHOD /path"} as in the route; an
     *                               override that enables caching caches its route's method even if it
     *                               is not GET (its own {@code routes} and generation are ignored)
     * @param invalidationKeyIds     API key ids whose requests may invalidate an entry with
     *                               {@code Cache-Control: max-age=0}; null: none
     * @param invalidationScope      a JWT scope whose tokens may invalidate; null: none
     * @param forbidUnauthorizedInvalidation true: an invalidation without permission answers 403
     *                               ({@code CACHE_INVALIDATION_FORBIDDEN}); null/false: it is ignored
     * @param generation             bumped by a flush of the stage's cache: part of every key, so all
     *                               nodes stop seeing the old entries at once; null: 0
     */
    public record CacheConfig(boolean enabled, int ttlSeconds, List<String> keyParameters, Map<String, CacheConfig> routes,
            List<String> invalidationKeyIds, String invalidationScope, Boolean forbidUnauthorizedInvalidation, Long generation) {

        public static final int DEFAULT_TTL_SECONDS = 300;
        public static final CacheConfig DISABLED = new CacheConfig(false, DEFAULT_TTL_SECONDS, List.of());

        public CacheConfig {
            ttlSeconds = Check.between(ttlSeconds == 0 ? DEFAULT_TTL_SECONDS : ttlSeconds, 0, 3600, "cache.ttlSeconds");
            keyParameters = Check.list(keyParameters);
            routes = routes == null || routes.isEmpty() ? null : Map.copyOf(routes);
            invalidationKeyIds = invalidationKeyIds == null || invalidationKeyIds.isEmpty() ? null : List.copyOf(invalidationKeyIds);
            if (generation != null && generation < 0) {
                throw new IllegalArgumentException("cache.generation must not be negative, got " + generation);
            }
        }

        public CacheConfig(boolean enabled, int ttlSeconds, List<String> keyParameters) {
            this(enabled, ttlSeconds, keyParameters, null, null, null, null, null);
        }

        /** The settings of one route: its override if it has one, else the stage's. */
        public CacheConfig forRoute(String method, String path) {
            CacheConfig override = routes == null ? null : routes.get(method + " " + path);
            return override == null ? this : override;
        }

        public long generationOrZero() {
            return generation == null ? 0 : generation;
        }
    }

    /** A canary release: {@code percent} of the stage's requests go to {@code deploymentId}. */
    public record CanaryConfig(double percent, String deploymentId, Map<String, String> variables) {

        public CanaryConfig {
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("canary percent must be between 0 and 100, got " + percent);
            }
            Check.required(deploymentId, "canary.deploymentId");
            variables = Check.map(variables);
        }
    }
}
