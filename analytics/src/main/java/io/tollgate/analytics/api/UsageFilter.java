package io.tollgate.analytics.api;

import io.tollgate.analytics.usage.Resolution;
import io.tollgate.analytics.usage.UsageKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a query covers: one tenant (always, from the admitted path), a time range [from, to) and
 * optional API, stage, route and key filters. Builds the WHERE clause and its parameters.
 */
public record UsageFilter(String tenantId, Instant from, Instant to, String apiId, String stage, String route, String keyId) {

    static final Duration MAX_RANGE = Duration.ofDays(400);

    static UsageFilter parse(String tenantId, String from, String to, String apiId, String stage, String route, String keyId) {
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.validation("from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.validation("the range may span at most " + MAX_RANGE.toDays() + " days");
        }
        return new UsageFilter(tenantId, start, end, apiId, stage, route, keyId);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(name + " must be an ISO-8601 instant such as 2026-11-30T00:00:00Z");
        }
    }

    /** The coarsest resolution whose buckets tile the range exactly (so totals are exact), for range queries. */
    Resolution coarsest() {
        for (Resolution resolution : List.of(Resolution.DAY, Resolution.HOUR)) {
            if (resolution.bucketOf(from).equals(from) && resolution.bucketOf(to).equals(to)) {
                return resolution;
            }
        }
        return Resolution.MINUTE;
    }

    /** {@code tenant_id = $1 and bucket >= $2 and bucket < $3 [and api_id = $n …]}; parameters appended to {@code params}. */
    String where(List<Object> params) {
        params.add(tenantId);
        params.add(from.atOffset(java.time.ZoneOffset.UTC));
        params.add(to.atOffset(java.time.ZoneOffset.UTC));
        StringBuilder sql = new StringBuilder("tenant_id = $1 and bucket >= $2 and bucket < $3");
        List<String[]> optional = new ArrayList<>();
        optional.add(new String[] {"api_id", apiId});
        optional.add(new String[] {"stage", stage});
        optional.add(new String[] {"route", route});
        optional.add(new String[] {"key_id", keyId});
        boolean filtered = false;
        for (String[] filter : optional) {
            if (filter[1] != null && !filter[1].isBlank()) {
                if (filter[1].equals(UsageKey.ALL)) {
                    throw ProblemException.validation(filter[0] + " must not be " + UsageKey.ALL);
                }
                params.add(filter[1]);
                sql.append(" and ").append(filter[0]).append(" = $").append(params.size());
                filtered = true;
            }
        }
        if (!filtered) { // the tenant's total rows: one per bucket instead of one per dimension combination
            sql.append(" and api_id = '*' and stage = '*' and route = '*' and key_id = '*'");
        }
        return sql.toString();
    }

    /** Like {@link #where} but over the dimension rows only (never the total rows), for breakdowns by a dimension. */
    String whereDimensions(List<Object> params) {
        String where = where(params);
        String totals = " and api_id = '*' and stage = '*' and route = '*' and key_id = '*'";
        return where.endsWith(totals) ? where.substring(0, where.length() - totals.length()) + " and api_id <> '*'" : where;
    }
}
