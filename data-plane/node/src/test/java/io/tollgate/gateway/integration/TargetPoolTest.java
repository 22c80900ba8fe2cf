package io.tollgate.gateway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tollgate.contract.v1.IntegrationConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetPoolTest {

    private static final List<IntegrationConfig.Target> TARGETS = List.of(
            new IntegrationConfig.Target("http://a", 5), new IntegrationConfig.Target("http://b", 1), new IntegrationConfig.Target("http://c", 1));

    @Test
    void weighted_round_robin_spreads_by_weight_and_interleaves() {
        TargetPool pool = new TargetPool(TARGETS, IntegrationConfig.LoadBalancing.WEIGHTED_ROUND_ROBIN);
        Map<String, Integer> counts = new HashMap<>();
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            String url = pool.choose(0).baseUrl;
            counts.merge(url, 1, Integer::sum);
            if (i < 7) {
                order.append(url.charAt(url.length() - 1));
            }
        }
        assertEquals(Map.of("http://a", 50, "http://b", 10, "http://c", 10), counts);
        assertEquals("aabacaa", order.toString(), "smooth: the heavy target does not take its share in one burst");
    }

    @Test
    void least_outstanding_prefers_the_least_busy_per_weight() {
        TargetPool pool = new TargetPool(TARGETS, IntegrationConfig.LoadBalancing.LEAST_OUTSTANDING_REQUESTS);
        TargetPool.Target first = pool.choose(0);
        assertEquals("http://a", first.baseUrl);
        first.outstanding.set(6); // 6 busy on weight 5 is more loaded than 0 on weight 1
        assertEquals("http://b", pool.choose(0).baseUrl);
    }

    @Test
    void a_target_failing_repeatedly_is_ejected_then_comes_back() {
        TargetPool pool = new TargetPool(List.of(new IntegrationConfig.Target("http://a", 1), new IntegrationConfig.Target("http://b", 1)),
                IntegrationConfig.LoadBalancing.WEIGHTED_ROUND_ROBIN);
        long now = -5_000_000_000L; // nanoTime may be negative
        TargetPool.Target a = pool.choose(now);
        assertEquals("http://a", a.baseUrl);
        for (int i = 0; i < TargetPool.FAILURES_TO_EJECT; i++) {
            pool.failedToConnect(a, now);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals("http://b", pool.choose(now + 1).baseUrl);
        }
        long later = now + TargetPool.EJECTION_NANOS + 1;
        boolean sawA = false;
        for (int i = 0; i < 4; i++) {
            sawA |= pool.choose(later).baseUrl.equals("http://a");
        }
        assertEquals(true, sawA, "ejected target gets traffic again after the ejection time");
    }

    @Test
    void when_every_target_is_ejected_one_still_gets_the_request() {
        TargetPool pool = new TargetPool(List.of(new IntegrationConfig.Target("http://a", 1)), IntegrationConfig.LoadBalancing.WEIGHTED_ROUND_ROBIN);
        TargetPool.Target a = pool.choose(0);
        for (int i = 0; i < TargetPool.FAILURES_TO_EJECT; i++) {
            pool.failedToConnect(a, 0);
        }
        assertEquals("http://a", pool.choose(1).baseUrl);
    }
}
