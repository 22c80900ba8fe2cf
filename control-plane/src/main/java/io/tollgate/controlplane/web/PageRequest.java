package io.tollgate.controlplane.web;

import io.tollgate.controlplane.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * One page of a list: at most {@code limit} items after the position an opaque cursor names. Cursors
 * encode the id of the last item seen (keyset pagination), so pages stay stable while rows are added.
 */
public record PageRequest(int limit, UUID after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Parses the query parameters, reporting bad values as validation problems on those parameters. */
    public static PageRequest parse(String limit, String cursor) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
            }
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    public static String encode(UUID lastSeen) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastSeen.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static UUID decode(String cursor) {
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }

    /** Lower bound for ascending lists: every UUID compares greater than the nil UUID. */
    public UUID afterOrStart() {
        return after == null ? new UUID(0, 0) : after;
    }

    /** Upper bound for descending lists (newest first): the max UUID is greater than every id. */
    public UUID beforeOrEnd() {
        return after == null ? new UUID(-1L, -1L) : after;
    }

    /** Rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }
}
