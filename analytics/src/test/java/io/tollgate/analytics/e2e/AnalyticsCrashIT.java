package io.tollgate.analytics.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The analytics process is killed (SIGKILL: no shutdown, its open transaction dropped) while events
 * stream in, twice — once under live traffic, once while it catches up on the backlog the first
 * crash left (big batches, so the kill lands inside one) — and started again: every request the
 * gateway answered is still counted exactly once.
 */
class AnalyticsCrashIT {

    @Test
    void counts_exactly_n_when_analytics_is_killed_mid_batch_and_restarted() throws Exception {
        long begin = System.nanoTime();
        Tally tally = new Tally();
        try (PlatformUnderTest platform = PlatformUnderTest.onRealServices("e2e-analytics-crash");
                StatusUpstream upstream = new StatusUpstream()) {
            CountedTraffic traffic = CountedTraffic.ready(platform, upstream, tally, "crash-");
            TenantFixture tenant = traffic.tenant();
            Gateway gateway = traffic.gateway();
            AnalyticsApi analytics = traffic.analytics();
            GatewayMetrics metrics = traffic.metrics();

            try (Load load = new Load(gateway, tenant, 2, 5)) {
                analytics.awaitRequests(1, Duration.ofSeconds(120)); // the ingest is at work
                platform.killAnalytics();
                long atFirstKill = tally.requests();
                System.out.printf("[e2e] analytics killed under load after %d requests%n", atFirstKill);
                awaitMore(tally, atFirstKill + 300); // a backlog builds in Kafka while analytics is down
                platform.startAnalytics();
                long before = countedNow(analytics);
                long counting = awaitCountedBeyond(analytics, before); // catching up: batches are being committed
                platform.killAnalytics();
                System.out.printf("[e2e] analytics killed while catching up (%d counted when last asked, %d answered)%n",
                        counting, tally.requests());
                awaitMore(tally, tally.requests() + 300);
                platform.startAnalytics();
                awaitMore(tally, tally.requests() + 300);
            }
            System.out.println("[e2e] sent " + tally);
            assertTrue(tally.status(429) > 0 && tally.status(403) > 0 && tally.statusClass("5xx") > 0, "the mix is there: " + tally);
            ExactlyOnce.assertCounted(tally, metrics, analytics, Duration.ofSeconds(240));
        } finally {
            System.out.printf("[e2e] AnalyticsCrashIT took %.1f s%n", (System.nanoTime() - begin) / 1e9);
        }
    }

    /** Analytics' count right now, 0 while it cannot answer (it was just started again). */
    private static long countedNow(AnalyticsApi analytics) {
        try {
            return analytics.requests();
        } catch (Exception | AssertionError e) { // not started yet, or starting
            return 0;
        }
    }

    /** Polls until analytics counts more than {@code count}; returns what it counts then. */
    private static long awaitCountedBeyond(AnalyticsApi analytics, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        long counted;
        while ((counted = countedNow(analytics)) <= count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("analytics counted nothing new within 180 s of its restart");
            }
            Thread.sleep(50);
        }
        return counted;
    }

    private static void awaitMore(Tally tally, long requests) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (tally.requests() < requests) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the load reached only " + tally.requests() + " of " + requests + " requests in 180 s");
            }
            Thread.sleep(50);
        }
    }
}
