package io.tollgate.gateway.policy.counters;

import io.tollgate.contract.v1.UsagePlanConfig.QuotaPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar period a quota counts in, in UTC as the cloud gateway does: a day from midnight, an
 * ISO week from Monday midnight, a month from the first at midnight. Every node computes the same
 * boundaries from its clock, so the window's start names the shared counter.
 */
public record QuotaWindow(long startMillis, long endMillis) {

    public static QuotaWindow containing(QuotaPeriod period, long epochMillis) {
        LocalDate day = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate start = switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
        LocalDate end = switch (period) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
        return new QuotaWindow(millis(start), millis(end));
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    public boolean contains(long epochMillis) {
        return epochMillis >= startMillis && epochMillis < endMillis;
    }
}
