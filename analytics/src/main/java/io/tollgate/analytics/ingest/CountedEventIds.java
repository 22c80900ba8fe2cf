package io.tollgate.analytics.ingest;

import io.tollgate.contract.v1.AccessEvent;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids of the events already counted (table {@code counted_event_ids}), inside the ingest's
 * transaction: a batch keeps only the events whose id was not there yet, so an event delivered
 * twice — in two polls, two batches or the same one — is counted once. The insert also locks the new
 * ids until the transaction ends, so two consumers that briefly both hold a partition cannot both
 * count the same event.
 */
public final class CountedEventIds {

    private CountedEventIds() {
    }

    /** Records the events' ids and returns the events seen for the first time, in their order. */
    static List<AccessEvent> firstSeen(Connection connection, List<AccessEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return events;
        }
        Date[] days = new Date[events.size()];
        String[] ids = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            days[i] = Date.valueOf(dayOf(events.get(i)));
            ids[i] = events.get(i).id();
        }
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into counted_event_ids (event_day, event_id) select * from unnest(?::date[], ?::text[])"
                        + " on conflict do nothing returning event_id")) {
            insert.setArray(1, connection.createArrayOf("date", days));
            insert.setArray(2, connection.createArrayOf("text", ids));
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getString(1));
                }
            }
        }
        if (inserted.size() == events.size()) {
            return events;
        }
        List<AccessEvent> first = new ArrayList<>(inserted.size());
        for (AccessEvent event : events) {
            if (inserted.remove(event.id())) { // remove: a second copy in the same batch is not first
                first.add(event);
            }
        }
        return first;
    }

    /** Forgets the ids of events older than {@code cutoff}'s day; returns how many. */
    public static long prune(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from counted_event_ids where event_day < ?")) {
            delete.setDate(1, Date.valueOf(LocalDate.ofInstant(cutoff, ZoneOffset.UTC)));
            return delete.executeUpdate();
        }
    }

    private static LocalDate dayOf(AccessEvent event) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(event.epochMillis()), ZoneOffset.UTC);
    }
}
