package io.tollgate.gateway.policy.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.contract.v1.UsagePlanConfig.QuotaPeriod;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaWindowTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void a_day_runs_from_utc_midnight_to_midnight() {
        QuotaWindow day = QuotaWindow.containing(QuotaPeriod.DAY, at("2026-03-14T23:59:59.999Z"));
        assertEquals(at("2026-03-14T00:00:00Z"), day.startMillis());
        assertEquals(at("2026-03-15T00:00:00Z"), day.endMillis());
        assertFalse(day.contains(at("2026-03-15T00:00:00Z")));
    }

    @Test
    void a_week_is_the_iso_week_from_monday() {
        // 2026-03-15 is a Sunday: its week began on Monday the 9th
        QuotaWindow week = QuotaWindow.containing(QuotaPeriod.WEEK, at("2026-03-15T12:00:00Z"));
        assertEquals(at("2026-03-09T00:00:00Z"), week.startMillis());
        assertEquals(at("2026-03-16T00:00:00Z"), week.endMillis());
        QuotaWindow monday = QuotaWindow.containing(QuotaPeriod.WEEK, at("2026-03-16T00:00:00Z"));
        assertEquals(at("2026-03-16T00:00:00Z"), monday.startMillis());
    }

    @Test
    void a_month_runs_from_the_first_including_february_of_a_leap_year() {
        QuotaWindow february = QuotaWindow.containing(QuotaPeriod.MONTH, at("2028-02-29T10:00:00Z"));
        assertEquals(at("2028-02-01T00:00:00Z"), february.startMillis());
        assertEquals(at("2028-03-01T00:00:00Z"), february.endMillis());
        assertTrue(february.contains(at("2028-02-29T23:59:59Z")));
    }
}
