package io.tollgate.analytics.ingest;

import io.tollgate.analytics.usage.Resolution;
import io.tollgate.analytics.usage.Usage;
import io.tollgate.analytics.usage.UsageKey;
import io.tollgate.analytics.usage.UsageTables.ErrorKey;
import io.tollgate.contract.v1.AccessEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** One poll's events folded into per-minute totals, per error type counts, and the hours they touch. */
final class MinuteBatch {

    final Map<UsageKey, Usage> usage = new HashMap<>();
    final Map<ErrorKey, Long> errors = new HashMap<>();
    /** tenant → hours (UTC starts) whose minutes this batch changes: to roll up again */
    final Set<Map.Entry<String, Instant>> touchedHours = new HashSet<>();
    /** tenant → UTC month (its first day) → requests of this batch: the running counts plan limits are checked against */
    final Map<Map.Entry<String, LocalDate>, Long> monthRequests = new HashMap<>();
    int events;

    static UsageKey keyOf(AccessEvent event) {
        Instant minute = Resolution.MINUTE.bucketOf(Instant.ofEpochMilli(event.epochMillis()));
        String route = event.route() == null ? UsageKey.NONE : event.method() + " " + event.route();
        return new UsageKey(event.tenantId(), minute, orNone(event.apiId()), orNone(event.stage()), route, orNone(event.keyId()));
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? UsageKey.NONE : value;
    }

    void add(AccessEvent event) {
        UsageKey key = keyOf(event);
        for (UsageKey row : new UsageKey[] {key, key.total()}) { // its dimensions' row and the tenant's total row
            usage.computeIfAbsent(row, k -> new Usage()).add(event);
            if (event.errorType() != null) {
                errors.merge(new ErrorKey(row, event.errorType()), 1L, Long::sum);
            }
        }
        touchedHours.add(Map.entry(key.tenantId(), Resolution.HOUR.bucketOf(key.bucket())));
        monthRequests.merge(Map.entry(key.tenantId(), LocalDate.ofInstant(key.bucket(), ZoneOffset.UTC).withDayOfMonth(1)), 1L, Long::sum);
        events++;
    }
}
