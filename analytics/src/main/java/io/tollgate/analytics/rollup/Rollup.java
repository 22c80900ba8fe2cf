package io.tollgate.analytics.rollup;

import io.tollgate.analytics.usage.Resolution;
import io.tollgate.analytics.usage.Usage;
import io.tollgate.analytics.usage.UsageKey;
import io.tollgate.analytics.usage.UsageTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls minutes up to hours and hours up to days, and applies the retention policy.
 *
 * <p>A rollup recomputes a whole hour from its minutes (and its day from its hours), so running it
 * twice, or after late events changed an old minute, gives the same totals: counts stay exact at
 * every resolution. The ingest marks the hours it changes ({@code rollup_pending}) in the same
 * transaction as the minutes; the rollup removes the mark in the transaction that recomputes the
 * hour, so a change that races with it marks the hour again.
 */
public final class Rollup {

    private Rollup() {
    }

    /** Recomputes up to {@code limit} marked hours (each with its day); returns how many. */
    public static int pendingHours(Connection connection, int limit) throws SQLException {
        List<Map.Entry<String, Instant>> marked = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select tenant_id, hour from rollup_pending order by hour limit ?")) {
            select.setInt(1, limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    marked.add(Map.entry(result.getString(1), result.getTimestamp(2).toInstant()));
                }
            }
        }
        for (Map.Entry<String, Instant> hour : marked) {
            connection.setAutoCommit(false);
            try {
                if (unmark(connection, hour.getKey(), hour.getValue())) {
                    recompute(connection, hour.getKey(), Resolution.MINUTE, Resolution.HOUR, hour.getValue());
                    recompute(connection, hour.getKey(), Resolution.HOUR, Resolution.DAY, Resolution.DAY.bucketOf(hour.getValue()));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return marked.size();
    }

    private static boolean unmark(Connection connection, String tenantId, Instant hour) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from rollup_pending where tenant_id = ? and hour = ?")) {
            delete.setString(1, tenantId);
            delete.setTimestamp(2, Timestamp.from(hour));
            return delete.executeUpdate() == 1; // 0: another instance rolled it up meanwhile
        }
    }

    /** Replaces the {@code to} bucket starting at {@code bucket} by the sum of its {@code from} buckets. */
    static void recompute(Connection connection, String tenantId, Resolution from, Resolution to, Instant bucket) throws SQLException {
        Instant end = to.next(bucket);
        Map<UsageKey, Usage> rolled = new HashMap<>();
        UsageTables.read(connection, from, tenantId, bucket, end).forEach((key, usage) ->
                rolled.merge(key.in(bucket), usage, (sum, more) -> {
                    sum.merge(more);
                    return sum;
                }));
        UsageTables.write(connection, to, rolled);
        String errors = "insert into " + to.errorsTable() + " (tenant_id, bucket, api_id, stage, route, key_id, error_type, requests)"
                + " select tenant_id, ?, api_id, stage, route, key_id, error_type, sum(requests) from " + from.errorsTable()
                + " where tenant_id = ? and bucket >= ? and bucket < ? group by tenant_id, api_id, stage, route, key_id, error_type"
                + " on conflict (tenant_id, bucket, api_id, stage, route, key_id, error_type) do update set requests = excluded.requests";
        try (PreparedStatement statement = connection.prepareStatement(errors)) {
            statement.setTimestamp(1, Timestamp.from(bucket));
            statement.setString(2, tenantId);
            statement.setTimestamp(3, Timestamp.from(bucket));
            statement.setTimestamp(4, Timestamp.from(end));
            statement.executeUpdate();
        }
    }

    /** Deletes what is older than each resolution's retention; returns the rows deleted. */
    public static long retention(Connection connection, Instant now, Map<Resolution, Duration> keep) throws SQLException {
        long deleted = 0;
        for (Map.Entry<Resolution, Duration> policy : keep.entrySet()) {
            Timestamp cutoff = Timestamp.from(now.minus(policy.getValue()));
            for (String table : List.of(policy.getKey().usageTable(), policy.getKey().errorsTable())) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where bucket < ?")) {
                    delete.setTimestamp(1, cutoff);
                    deleted += delete.executeUpdate();
                }
            }
        }
        return deleted;
    }
}
