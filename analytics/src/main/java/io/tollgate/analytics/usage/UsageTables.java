package io.tollgate.analytics.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes aggregate rows (JDBC, inside the caller's transaction) at any resolution: the
 * ingest merges a batch into the minute rows, the rollup recomputes hours and days from them.
 */
public final class UsageTables {

    private static final String COLUMNS = "tenant_id, bucket, api_id, stage, route, key_id, requests, status_1xx, status_2xx, "
            + "status_3xx, status_4xx, status_5xx, errors, throttles, cache_hits, cache_misses, bytes_in, bytes_out, "
            + "latency_sum_micros, latency_max_micros, latency_histogram";

    private UsageTables() {
    }

    /** The stored rows for these keys, locked until the transaction ends (absent keys have no row yet). */
    public static Map<UsageKey, Usage> lock(Connection connection, Resolution resolution, Collection<UsageKey> keys)
            throws SQLException {
        String sql = "select " + COLUMNS + " from " + resolution.usageTable()
                + " where (tenant_id, bucket, api_id, stage, route, key_id) in"
                + " (select * from unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[]))"
                + " order by tenant_id, bucket, api_id, stage, route, key_id for update";
        int n = keys.size();
        String[] tenants = new String[n];
        Timestamp[] buckets = new Timestamp[n];
        String[] apis = new String[n];
        String[] stages = new String[n];
        String[] routes = new String[n];
        String[] keyIds = new String[n];
        int i = 0;
        for (UsageKey key : keys) {
            tenants[i] = key.tenantId();
            buckets[i] = Timestamp.from(key.bucket());
            apis[i] = key.apiId();
            stages[i] = key.stage();
            routes[i] = key.route();
            keyIds[i] = key.keyId();
            i++;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", tenants));
            statement.setArray(2, connection.createArrayOf("timestamptz", buckets));
            statement.setArray(3, connection.createArrayOf("text", apis));
            statement.setArray(4, connection.createArrayOf("text", stages));
            statement.setArray(5, connection.createArrayOf("text", routes));
            statement.setArray(6, connection.createArrayOf("text", keyIds));
            return rows(statement);
        }
    }

    /** All rows of a tenant in [from, to). */
    public static Map<UsageKey, Usage> read(Connection connection, Resolution resolution, String tenantId, Instant from, Instant to)
            throws SQLException {
        String sql = "select " + COLUMNS + " from " + resolution.usageTable() + " where tenant_id = ? and bucket >= ? and bucket < ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            statement.setTimestamp(2, Timestamp.from(from));
            statement.setTimestamp(3, Timestamp.from(to));
            return rows(statement);
        }
    }

    private static Map<UsageKey, Usage> rows(PreparedStatement statement) throws SQLException {
        Map<UsageKey, Usage> rows = new HashMap<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                UsageKey key = new UsageKey(result.getString(1), result.getTimestamp(2).toInstant(), result.getString(3),
                        result.getString(4), result.getString(5), result.getString(6));
                Usage usage = new Usage();
                usage.requests = result.getLong(7);
                for (int statusClass = 1; statusClass <= 5; statusClass++) {
                    usage.byStatusClass[statusClass] = result.getLong(7 + statusClass);
                }
                usage.errors = result.getLong(13);
                usage.throttles = result.getLong(14);
                usage.cacheHits = result.getLong(15);
                usage.cacheMisses = result.getLong(16);
                usage.bytesIn = result.getLong(17);
                usage.bytesOut = result.getLong(18);
                usage.latencySumMicros = result.getLong(19);
                usage.latencyMaxMicros = result.getLong(20);
                usage.latency = LatencyHistograms.decode(result.getBytes(21));
                rows.put(key, usage);
            }
        }
        return rows;
    }

    /** Writes the rows' totals, replacing what is stored under the same keys. */
    public static void write(Connection connection, Resolution resolution, Map<UsageKey, Usage> rows) throws SQLException {
        String sql = "insert into " + resolution.usageTable() + " (" + COLUMNS + ") values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (tenant_id, bucket, api_id, stage, route, key_id) do update set requests = excluded.requests, "
                + "status_1xx = excluded.status_1xx, status_2xx = excluded.status_2xx, status_3xx = excluded.status_3xx, "
                + "status_4xx = excluded.status_4xx, status_5xx = excluded.status_5xx, errors = excluded.errors, "
                + "throttles = excluded.throttles, cache_hits = excluded.cache_hits, cache_misses = excluded.cache_misses, "
                + "bytes_in = excluded.bytes_in, bytes_out = excluded.bytes_out, latency_sum_micros = excluded.latency_sum_micros, "
                + "latency_max_micros = excluded.latency_max_micros, latency_histogram = excluded.latency_histogram";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map.Entry<UsageKey, Usage> row : rows.entrySet()) {
                UsageKey key = row.getKey();
                Usage usage = row.getValue();
                statement.setString(1, key.tenantId());
                statement.setTimestamp(2, Timestamp.from(key.bucket()));
                statement.setString(3, key.apiId());
                statement.setString(4, key.stage());
                statement.setString(5, key.route());
                statement.setString(6, key.keyId());
                statement.setLong(7, usage.requests);
                for (int statusClass = 1; statusClass <= 5; statusClass++) {
                    statement.setLong(7 + statusClass, usage.byStatusClass[statusClass]);
                }
                statement.setLong(13, usage.errors);
                statement.setLong(14, usage.throttles);
                statement.setLong(15, usage.cacheHits);
                statement.setLong(16, usage.cacheMisses);
                statement.setLong(17, usage.bytesIn);
                statement.setLong(18, usage.bytesOut);
                statement.setLong(19, usage.latencySumMicros);
                statement.setLong(20, usage.latencyMaxMicros);
                statement.setBytes(21, LatencyHistograms.encode(usage.latency));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Adds error counts to the minute table's (or any resolution's) rows. */
    public static void addErrors(Connection connection, Resolution resolution, Map<ErrorKey, Long> counts) throws SQLException {
        String sql = "insert into " + resolution.errorsTable()
                + " (tenant_id, bucket, api_id, stage, route, key_id, error_type, requests) values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (tenant_id, bucket, api_id, stage, route, key_id, error_type)"
                + " do update set requests = " + resolution.errorsTable() + ".requests + excluded.requests";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map.Entry<ErrorKey, Long> count : counts.entrySet()) {
                UsageKey key = count.getKey().usage();
                statement.setString(1, key.tenantId());
                statement.setTimestamp(2, Timestamp.from(key.bucket()));
                statement.setString(3, key.apiId());
                statement.setString(4, key.stage());
                statement.setString(5, key.route());
                statement.setString(6, key.keyId());
                statement.setString(7, count.getKey().errorType());
                statement.setLong(8, count.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** An error count's dimensions: a usage row's plus the gateway error type. */
    public record ErrorKey(UsageKey usage, String errorType) {
    }
}
