package io.tollgate.controlplane.stage;

import io.tollgate.controlplane.problem.Violations;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a valid stage is, given what the database knows about the deployments it names. Plain rules, no database. */
public final class StageRules {

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    public static final int DEFAULT_CACHE_TTL_SECONDS = 300;
    public static final int MAX_CACHE_TTL_SECONDS = 3600;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final double MAX_RATE = 1_000_000;

    private StageRules() {
    }

    /**
     * What the deployments named by the stage turned out to be.
     *
     * @param routeKeys "METHOD /path" of the routes of the stage's deployment; empty when it does not exist
     */
    public record Deployments(boolean deploymentExists, Set<String> routeKeys, boolean canaryDeploymentExists) {
    }

    public static void checkName(Violations v, String name) {
        v.matches(name, NAME, "name", "must be 1–128 letters, digits, '-' or '_'");
    }

    /** Validates and normalizes (defaults filled in, so what is stored is what is served). */
    public static StageSpec check(String name, StageSpec spec, Deployments deployments) {
        Violations v = new Violations();
        checkName(v, name);
        if (v.required(spec.deploymentId(), "deploymentId")) {
            v.reject(!deployments.deploymentExists(), "deploymentId", "is not a deployment of this API");
        }
        variables(v, spec.variables(), "variables");
        if (spec.throttle() != null) {
            throttle(v, spec.throttle(), "throttle");
        }
        Map<String, StageSpec.Throttle> routeThrottles = spec.routeThrottles() == null ? Map.of() : spec.routeThrottles();
        routeThrottles.forEach((route, throttle) -> {
            String field = "routeThrottles." + route;
            if (deployments.deploymentExists() && !deployments.routeKeys().contains(route)) {
                v.add(field, "is not a route of the deployment; keys look like \"GET /pets/{id}\"");
            }
            if (throttle == null) {
                v.add(field, "must be an object");
            } else {
                throttle(v, throttle, field);
            }
        });
        StageSpec.Cache cache = spec.cache();
        if (cache != null) {
            // 0 is not "no caching" (that is enabled=false): the contract reads 0 as the default TTL.
            v.between(cache.ttlSeconds(), 1, MAX_CACHE_TTL_SECONDS, "cache.ttlSeconds");
            v.strings(cache.keyParameters(), 256, "cache.keyParameters");
            cache = new StageSpec.Cache(Boolean.TRUE.equals(cache.enabled()),
                    cache.ttlSeconds() == null ? DEFAULT_CACHE_TTL_SECONDS : cache.ttlSeconds(),
                    cache.keyParameters() == null ? List.of() : cache.keyParameters());
        }
        StageSpec.Canary canary = spec.canary();
        if (canary != null) {
            if (v.required(canary.percent(), "canary.percent")) {
                v.between(canary.percent(), 0.0, 100.0, "canary.percent");
            }
            if (v.required(canary.deploymentId(), "canary.deploymentId")) {
                v.reject(!deployments.canaryDeploymentExists(), "canary.deploymentId", "is not a deployment of this API");
            }
            variables(v, canary.variables(), "canary.variables");
            canary = new StageSpec.Canary(canary.percent(), canary.deploymentId(),
                    canary.variables() == null ? Map.of() : canary.variables());
        }
        v.throwIfAny();
        return new StageSpec(spec.deploymentId(), spec.variables() == null ? Map.of() : spec.variables(), spec.throttle(),
                routeThrottles, cache, Boolean.TRUE.equals(spec.accessLogging()), canary);
    }

    private static void variables(Violations v, Map<String, String> variables, String field) {
        v.stringMap(variables, VARIABLE, "variable names are 1–64 letters, digits or '_'", 2048, field);
    }

    private static void throttle(Violations v, StageSpec.Throttle throttle, String field) {
        if (v.required(throttle.rateLimit(), field + ".rateLimit")) {
            v.between(throttle.rateLimit(), 0.0, MAX_RATE, field + ".rateLimit");
        }
        if (v.required(throttle.burstLimit(), field + ".burstLimit")) {
            v.between(throttle.burstLimit(), 0, (long) MAX_RATE, field + ".burstLimit");
        }
    }
}
