package io.tollgate.gateway.policy.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DueTokensTest {

    private static final long MS = 1_000_000L;

    @Test
    void tokens_become_due_one_interval_apart_up_to_the_last_due_time() {
        DueTokens tokens = new DueTokens(10 * MS);
        tokens.add(5, 100 * MS); // due at 60, 70, 80, 90, 100 ms
        assertEquals(60 * MS, tokens.nextDue());
        assertEquals(0, tokens.takeDue(59 * MS));
        assertEquals(2, tokens.takeDue(75 * MS));
        assertEquals(80 * MS, tokens.nextDue());
        assertEquals(3, tokens.takeDue(100 * MS));
    }

    @Test
    void a_gap_between_grants_does_not_delay_the_earlier_tokens() {
        DueTokens tokens = new DueTokens(10 * MS);
        tokens.add(2, 20 * MS);  // 10, 20
        tokens.add(2, 200 * MS); // 190, 200: another node's tokens lie between
        assertEquals(2, tokens.takeDue(20 * MS), "merged into one run, these would be due only at 170 and 180 ms");
        assertEquals(0, tokens.takeDue(100 * MS));
        assertEquals(2, tokens.takeDue(200 * MS));
    }

    @Test
    void paying_a_debt_removes_the_latest_tokens_and_too_many_runs_merge_later_never_sooner() {
        DueTokens tokens = new DueTokens(10 * MS);
        tokens.add(3, 30 * MS);
        tokens.add(3, 130 * MS);
        assertEquals(4, tokens.remove(4));
        assertEquals(2, tokens.takeDue(30 * MS), "the first run lost its last token, the second run all of it");
        assertEquals(0, tokens.takeDue(1_000 * MS));
        for (int i = 1; i <= DueTokens.MAX_RUNS + 1; i++) {
            tokens.add(1, i * 100 * MS);
        }
        assertEquals(0, tokens.takeDue(189 * MS), "the first two merged into one run ending at 200 ms: 190 and 200, not 100");
        assertEquals(2, tokens.takeDue(200 * MS));
    }
}
