package io.tollgate.analytics.api;

import io.smallrye.mutiny.Uni;
import io.tollgate.analytics.usage.LatencyHistograms;
import io.tollgate.analytics.usage.Resolution;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The analytics API's reads, non-blocking (reactive PostgreSQL client); every one is scoped by tenant. */
@ApplicationScoped
public class UsageQueries {

    private static final String SUMS = "sum(requests), sum(status_1xx), sum(status_2xx), sum(status_3xx), sum(status_4xx), "
            + "sum(status_5xx), sum(errors), sum(throttles), sum(cache_hits), sum(cache_misses), sum(bytes_in), sum(bytes_out), "
            + "sum(latency_sum_micros)";

    @Inject
    Pool pool;

    private Uni<List<Row>> query(String sql, List<Object> params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return list;
        });
    }

    private static long longOf(Row row, int column) {
        Long value = row.getLong(column);
        return value == null ? 0 : value;
    }

    public Uni<Views.Series> series(UsageFilter filter, Resolution resolution) {
        List<Object> params = new ArrayList<>();
        String sql = "select bucket, " + SUMS + " from " + resolution.usageTable() + " where " + filter.where(params)
                + " group by bucket order by bucket";
        return query(sql, params).map(rows -> new Views.Series(resolution.name(), filter.from(), filter.to(), rows.stream().map(row -> {
            long requests = longOf(row, 1);
            return new Views.Point(row.getOffsetDateTime(0).toInstant(), requests, longOf(row, 2), longOf(row, 3), longOf(row, 4),
                    longOf(row, 5), longOf(row, 6), longOf(row, 7), longOf(row, 8), longOf(row, 9), longOf(row, 10), longOf(row, 11),
                    longOf(row, 12), requests == 0 ? 0 : longOf(row, 13) / 1000.0 / requests);
        }).toList()));
    }

    public Uni<Views.Top> top(UsageFilter filter, String dimension, int limit) {
        String column = switch (dimension) {
            case "api" -> "api_id";
            case "stage" -> "stage";
            case "route" -> "route";
            case "key" -> "key_id";
            default -> throw ProblemException.validation("dimension must be one of api, stage, route, key");
        };
        List<Object> params = new ArrayList<>();
        String where = filter.whereDimensions(params);
        params.add(limit);
        String sql = "select " + column + ", sum(requests), sum(errors), sum(bytes_out) from " + filter.coarsest().usageTable()
                + " where " + where + " group by " + column + " order by 2 desc, 1 limit $" + params.size();
        return query(sql, params).map(rows -> new Views.Top(dimension, filter.from(), filter.to(), rows.stream()
                .map(row -> new Views.Ranked(row.getString(0), longOf(row, 1), longOf(row, 2), longOf(row, 3))).toList()));
    }

    /** Per key per UTC day (the cloud gateway's GetUsage), ordered by key then day, a page at a time. */
    public Uni<Views.KeyUsagePage> keyUsage(UsageFilter filter, String cursor, int limit) {
        List<Object> params = new ArrayList<>();
        String where = filter.whereDimensions(params);
        if (cursor != null) {
            String[] after = decodeCursor(cursor);
            params.add(after[0]);
            params.add(LocalDate.parse(after[1]).atStartOfDay().atOffset(ZoneOffset.UTC));
            where += " and (key_id, bucket) > ($" + (params.size() - 1) + ", $" + params.size() + ")";
        }
        params.add(limit + 1);
        String sql = "select key_id, bucket, sum(requests), sum(bytes_out) from usage_day where " + where
                + " and key_id <> '-' group by key_id, bucket order by key_id, bucket limit $" + params.size();
        return query(sql, params).map(rows -> {
            List<Views.KeyDay> items = new ArrayList<>();
            for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
                items.add(new Views.KeyDay(row.getString(0), row.getOffsetDateTime(1).toLocalDate(), longOf(row, 2), longOf(row, 3)));
            }
            String next = rows.size() > limit
                    ? encodeCursor(items.getLast().keyId(), items.getLast().day().toString()) : null;
            return new Views.KeyUsagePage(items, next);
        });
    }

    public Uni<Views.Latency> latency(UsageFilter filter) {
        List<Object> params = new ArrayList<>();
        String sql = "select latency_histogram, latency_max_micros from " + filter.coarsest().usageTable() + " where " + filter.where(params);
        return query(sql, params).map(rows -> {
            Histogram merged = LatencyHistograms.empty();
            long max = 0;
            for (Row row : rows) {
                merged.add(LatencyHistograms.decode(row.getBuffer(0).getBytes()));
                max = Math.max(max, longOf(row, 1));
            }
            long count = merged.getTotalCount();
            return new Views.Latency(count, ms(merged.getValueAtPercentile(50)), ms(merged.getValueAtPercentile(95)),
                    ms(merged.getValueAtPercentile(99)), ms(max), count == 0 ? 0 : merged.getMean() / 1000.0);
        });
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    public Uni<Views.Errors> errors(UsageFilter filter) {
        List<Object> params = new ArrayList<>();
        String sql = "select error_type, sum(requests) from " + filter.coarsest().errorsTable() + " where " + filter.where(params)
                + " group by error_type order by 2 desc, 1";
        return query(sql, params).map(rows -> {
            List<Views.ErrorCount> byType = rows.stream().map(row -> new Views.ErrorCount(row.getString(0), longOf(row, 1))).toList();
            return new Views.Errors(byType.stream().mapToLong(Views.ErrorCount::requests).sum(), byType);
        });
    }

    public Uni<Views.Cache> cache(UsageFilter filter) {
        List<Object> params = new ArrayList<>();
        String sql = "select sum(cache_hits), sum(cache_misses) from " + filter.coarsest().usageTable() + " where " + filter.where(params);
        return query(sql, params).map(rows -> {
            long hits = longOf(rows.getFirst(), 0);
            long misses = longOf(rows.getFirst(), 1);
            return new Views.Cache(hits, misses, hits + misses == 0 ? 0 : (double) hits / (hits + misses));
        });
    }

    static String encodeCursor(String keyId, String day) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((day + "|" + keyId).getBytes(StandardCharsets.UTF_8));
    }

    /** [keyId, day]; a cursor not made by {@link #encodeCursor} is a validation problem. */
    static String[] decodeCursor(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            LocalDate.parse(decoded.substring(0, bar));
            return new String[] {decoded.substring(bar + 1), decoded.substring(0, bar)};
        } catch (RuntimeException e) {
            throw ProblemException.validation("cursor is not one this API returned");
        }
    }
}
