package io.tollgate.gateway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final long OPEN = 10_000;

    @Test
    void opens_after_consecutive_failures_and_fails_fast() {
        CircuitBreaker breaker = new CircuitBreaker(3, OPEN);
        breaker.failed(0);
        breaker.failed(1);
        assertTrue(breaker.allowRequest(2));
        breaker.failed(2);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.allowRequest(3));
    }

    @Test
    void a_success_resets_the_failure_count() {
        CircuitBreaker breaker = new CircuitBreaker(3, OPEN);
        breaker.failed(0);
        breaker.failed(1);
        breaker.succeeded();
        breaker.failed(2);
        breaker.failed(3);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void after_the_open_time_one_trial_goes_through_and_decides() {
        CircuitBreaker breaker = new CircuitBreaker(1, OPEN);
        breaker.failed(-50); // nanoTime may be negative
        assertFalse(breaker.allowRequest(-50 + OPEN - 1));
        assertTrue(breaker.allowRequest(-50 + OPEN), "the trial");
        assertFalse(breaker.allowRequest(-50 + OPEN + 1), "only one trial at a time");
        breaker.failed(-50 + OPEN + 2);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "a failed trial reopens at once");
        assertTrue(breaker.allowRequest(-50 + 2 * OPEN + 2));
        breaker.succeeded();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.allowRequest(-50 + 2 * OPEN + 3));
    }

    @Test
    void one_breaker_per_upstream_origin() {
        CircuitBreakers breakers = new CircuitBreakers(3, OPEN);
        assertSame(breakers.forUrl("http://Backend:80/a"), breakers.forUrl("http://backend/b?x=1"));
        assertEquals("https://api.example.com:443", CircuitBreakers.origin("https://api.example.com/v1"));
        assertFalse(breakers.forUrl("http://backend:8080/") == breakers.forUrl("http://backend:80/"));
    }
}
