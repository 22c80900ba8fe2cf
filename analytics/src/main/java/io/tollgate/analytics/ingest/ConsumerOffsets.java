package io.tollgate.analytics.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The next offset to count per partition, kept in PostgreSQL beside the aggregates. Advancing is
 * conditional on the value the consumer started from: a consumer that lost its partition (and
 * whose successor already counted further) fails to advance and rolls its batch back, so no
 * event is counted twice even when two consumers briefly believe they own a partition. The update
 * also locks the row, so two such consumers are serialized.
 */
final class ConsumerOffsets {

    private ConsumerOffsets() {
    }

    /** The stored next offset of a partition; a partition never seen starts at 0 (the earliest event, after retention). */
    static long load(Connection connection, String topic, int partition) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into consumer_offsets (topic, partition, next_offset) values (?, ?, 0) on conflict do nothing")) {
            insert.setString(1, topic);
            insert.setInt(2, partition);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select next_offset from consumer_offsets where topic = ? and partition = ?")) {
            select.setString(1, topic);
            select.setInt(2, partition);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Moves a partition from {@code expected} to {@code next}; false when someone else moved it (the batch must roll back). */
    static boolean advance(Connection connection, String topic, int partition, long expected, long next) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update consumer_offsets set next_offset = ? where topic = ? and partition = ? and next_offset = ?")) {
            update.setLong(1, next);
            update.setString(2, topic);
            update.setInt(3, partition);
            update.setLong(4, expected);
            return update.executeUpdate() == 1;
        }
    }
}
