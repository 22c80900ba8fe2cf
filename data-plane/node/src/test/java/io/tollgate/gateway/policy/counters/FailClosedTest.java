package io.tollgate.gateway.policy.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollgate.contract.v1.UsagePlanConfig.QuotaConfig;
import io.tollgate.contract.v1.UsagePlanConfig.QuotaPeriod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code rate-limits.fail-open=false}: while the shared counters cannot be reached (no Infinispan:
 * the cache supplier has none, as on a node whose Hot Rod client cannot connect), every limited
 * request is refused — buckets wait a second, quotas answer "unknown" (the policy's THROTTLED with
 * Retry-After: 1) — where a fail-open node admits its share of each limit instead.
 */
class FailClosedTest {

    private static final TokenBucketSpec TEN_PER_SECOND_BURST_FIVE = new TokenBucketSpec(10, 5);
    private static final QuotaConfig HUNDRED_A_DAY = new QuotaConfig(100, QuotaPeriod.DAY);

    @Test
    void a_fail_closed_node_refuses_limited_requests_while_the_counters_are_away() throws Exception {
        try (LimitsRuntime runtime = unreachable(false)) {
            LeasedBucket bucket = runtime.bucket("throttle:stage:fc", TEN_PER_SECOND_BURST_FIVE);
            LeasedQuota quota = runtime.quota("quota:fc:", HUNDRED_A_DAY);
            for (int i = 0; i < 20; i++) {
                long now = System.nanoTime();
                assertEquals(1_000_000_000L, bucket.tryAcquire(now), "request " + i + " passed the bucket");
                assertEquals(LeasedQuota.UNKNOWN, quota.tryAcquire(System.currentTimeMillis(), now), "request " + i + " passed the quota");
            }
        }
    }

    @Test
    void a_fail_open_node_admits_its_share_instead() throws Exception {
        try (LimitsRuntime runtime = unreachable(true)) {
            LeasedBucket bucket = runtime.bucket("throttle:stage:fo", TEN_PER_SECOND_BURST_FIVE);
            LeasedQuota quota = runtime.quota("quota:fo:", HUNDRED_A_DAY);
            long now = System.nanoTime();
            int admitted = 0;
            for (int i = 0; i < 20; i++) {
                if (bucket.tryAcquire(now) == 0) {
                    admitted++;
                }
            }
            assertEquals(5, admitted, "one node alone enforces the whole bucket: its burst, then no more");
            assertTrue(quota.tryAcquire(System.currentTimeMillis(), now) >= 0, "the quota's share admits");
        }
    }

    @Test
    void a_request_refused_by_a_wider_limit_gives_back_what_it_took_on_credit_not_a_permit() throws Exception {
        try (LimitsRuntime runtime = unreachable(true)) {
            LeasedBucket bucket = runtime.bucket("throttle:key:release", TEN_PER_SECOND_BURST_FIVE);
            assertEquals(0, bucket.tryAcquire(System.nanoTime()), "the share admits the first request");
            bucket.release(); // e.g. the stage's bucket refused the request
            assertEquals(0, bucket.unspent(), "a give-back turned into a permit the shared bucket never granted");
        }
    }

    /** A node whose counters cache is unreachable: its heartbeats fail, so it never takes them as there. */
    private static LimitsRuntime unreachable(boolean failOpen) throws InterruptedException {
        LimitsSettings settings = new LimitsSettings(failOpen, Duration.ofMillis(100), Duration.ofMillis(400),
                Duration.ofMillis(50), 1, 1_000);
        LimitsRuntime runtime = new LimitsRuntime(settings, new SharedCounters(() -> null, settings.remoteTimeout()),
                new NodeRoster("fail-closed-test", 50, 1), new SimpleMeterRegistry());
        runtime.start();
        Thread.sleep(200); // a few heartbeats have failed
        assertTrue(!runtime.remoteUp(), "the node took unreachable counters as there");
        return runtime;
    }
}
