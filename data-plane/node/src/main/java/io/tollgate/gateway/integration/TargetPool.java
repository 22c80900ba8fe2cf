package io.tollgate.gateway.integration;

import io.tollgate.contract.v1.IntegrationConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The upstream targets of one integration and the choice among them: smooth weighted round robin
 * or least outstanding requests, skipping targets that failed recently (passive health: a target
 * whose connections fail {@value #FAILURES_TO_EJECT} times in a row sits out for the ejection time,
 * then gets traffic again; with active health checks, a target its probe finds unhealthy gets
 * none until the probe finds it healthy again).
 */
final class TargetPool {

    static final int FAILURES_TO_EJECT = 3;
    static final long EJECTION_NANOS = 10_000_000_000L;

    static final class Target {
        final String baseUrl;
        final int weight;
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicInteger consecutiveFailures = new AtomicInteger();
        final AtomicLong ejectedUntil = new AtomicLong();
        volatile boolean ejected; // nanoTime may be negative: no sentinel value for "never ejected"
        final ActiveHealthChecks.Probe probe; // null without active health checks
        int currentWeight; // smooth WRR state, guarded by the pool

        Target(String baseUrl, int weight, ActiveHealthChecks.Probe probe) {
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            this.weight = weight;
            this.probe = probe;
        }

        boolean available(long now) {
            return (probe == null || probe.healthy()) && (!ejected || ejectedUntil.get() - now <= 0);
        }
    }

    private final List<Target> targets;
    private final IntegrationConfig.LoadBalancing policy;

    TargetPool(List<IntegrationConfig.Target> configured, IntegrationConfig.LoadBalancing policy) {
        this(configured, policy, url -> null);
    }

    /** @param probes the active health probe of a target URL (null for none) */
    TargetPool(List<IntegrationConfig.Target> configured, IntegrationConfig.LoadBalancing policy,
            java.util.function.Function<String, ActiveHealthChecks.Probe> probes) {
        this.targets = configured.stream().map(t -> new Target(t.url(), t.weight(), probes.apply(t.url()))).toList();
        this.policy = policy;
    }

    /** The next target; when all are ejected, the one whose ejection ends first (never none). */
    Target choose(long nowNanos) {
        return policy == IntegrationConfig.LoadBalancing.LEAST_OUTSTANDING_REQUESTS
                ? leastOutstanding(nowNanos) : weightedRoundRobin(nowNanos);
    }

    private synchronized Target weightedRoundRobin(long now) {
        Target best = null;
        int available = 0;
        for (Target target : targets) {
            if (!target.available(now)) {
                continue;
            }
            target.currentWeight += target.weight;
            available += target.weight;
            if (best == null || target.currentWeight > best.currentWeight) {
                best = target;
            }
        }
        if (best == null) {
            return soonestBack();
        }
        best.currentWeight -= available;
        return best;
    }

    private Target leastOutstanding(long now) {
        Target best = null;
        for (Target target : targets) {
            // weight scales capacity: compare outstanding/weight without division
            if (target.available(now) && (best == null
                    || (long) target.outstanding.get() * best.weight < (long) best.outstanding.get() * target.weight)) {
                best = target;
            }
        }
        return best != null ? best : soonestBack();
    }

    private Target soonestBack() {
        Target soonest = targets.getFirst();
        for (Target target : targets) {
            if (!target.ejected || target.ejectedUntil.get() - soonest.ejectedUntil.get() < 0) {
                soonest = target;
            }
        }
        return soonest;
    }

    void succeeded(Target target) {
        target.consecutiveFailures.set(0);
    }

    void failedToConnect(Target target, long nowNanos) {
        if (target.consecutiveFailures.incrementAndGet() >= FAILURES_TO_EJECT) {
            target.ejectedUntil.set(nowNanos + EJECTION_NANOS);
            target.ejected = true;
            target.consecutiveFailures.set(0);
        }
    }

}
