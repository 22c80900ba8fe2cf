package io.tollgate.gateway.policy.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketSpecTest {

    private static final double MICROS = 1e6;
    private final TokenBucketSpec tenPerSecondBurstFive = new TokenBucketSpec(10, 5);

    @Test
    void a_full_bucket_grants_its_burst_and_no_more() {
        long now = 1_000_000_000L;
        TokenBucketSpec.Take take = tenPerSecondBurstFive.take(0, now, 8, 0, MICROS);
        assertEquals(5, take.granted());
        assertEquals(now + 500_000, take.tat()); // 5 tokens × 100 ms
        assertEquals(100_000, take.waitTime(), "the next token comes after one interval");
    }

    @Test
    void tokens_refill_at_the_rate() {
        long now = 1_000_000_000L;
        long tat = tenPerSecondBurstFive.take(0, now, 5, 0, MICROS).tat();
        TokenBucketSpec.Take later = tenPerSecondBurstFive.take(tat, now + 300_000, 10, 0, MICROS);
        assertEquals(3, later.granted(), "300 ms at 10/s refill 3 tokens");
    }

    @Test
    void charged_debt_drives_the_bucket_below_empty() {
        long now = 1_000_000_000L;
        TokenBucketSpec.Take take = tenPerSecondBurstFive.take(0, now, 1, 7, MICROS);
        assertEquals(0, take.granted(), "7 already spent on credit exceed the burst of 5");
        assertEquals(now + 700_000, take.tat());
        assertEquals(300_000, take.waitTime(), "the debt is paid back before the next token: 2 + 1 intervals past the burst");
    }

    @Test
    void tokens_claimed_ahead_are_due_when_the_bucket_would_have_them() {
        long now = 1_000_000_000L;
        TokenBucketSpec.Take take = tenPerSecondBurstFive.take(0, now, 10, 0, MICROS, 300_000);
        assertEquals(8, take.granted(), "the burst of 5 now and 3 more refilling within 300 ms");
        assertEquals(now + 300_000, take.lastDue(), "the last one exists in 300 ms, not sooner");
        TokenBucketSpec.Take next = tenPerSecondBurstFive.take(take.tat(), now + 100_000, 10, 0, MICROS, 300_000);
        assertEquals(1, next.granted(), "claimed tokens are gone for everyone else: only the 100 ms since then");
        assertEquals(now + 400_000, next.lastDue());
        assertEquals(100_000, next.waitTime());
        TokenBucketSpec.Take plain = tenPerSecondBurstFive.take(0, now, 10, 0, MICROS);
        assertTrue(plain.lastDue() <= now, "without look-ahead every granted token exists now");
    }

    @Test
    void a_rate_of_zero_refuses_everything_and_a_burst_below_one_is_one() {
        assertTrue(new TokenBucketSpec(0, 10).blocksAll());
        assertEquals(0, new TokenBucketSpec(0, 10).take(0, 1, 1, 0, MICROS).granted());
        assertEquals(1, TokenBucketSpec.of(new io.tollgate.contract.v1.StageConfig.ThrottleConfig(5, 0)).burst());
    }

    @Test
    void a_share_divides_rate_and_burst_among_nodes() {
        TokenBucketSpec share = new TokenBucketSpec(100, 20).share(4);
        assertEquals(25, share.ratePerSecond());
        assertEquals(5, share.burst());
        assertEquals(1, new TokenBucketSpec(100, 2).share(4).burst(), "never below one token");
    }
}
