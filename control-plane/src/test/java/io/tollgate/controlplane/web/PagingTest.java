package io.tollgate.controlplane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.controlplane.problem.ProblemException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void defaults_to_fifty_items_from_the_start() {
        PageRequest request = PageRequest.parse(null, null);
        assertEquals(50, request.limit());
        assertEquals(new UUID(0, 0), request.afterOrStart());
    }

    @Test
    void a_cursor_round_trips_to_the_id_it_names() {
        UUID id = Ids.newId();
        assertEquals(id, PageRequest.parse("5", PageRequest.encode(id)).after());
    }

    @Test
    void rejects_limits_out_of_range_and_foreign_cursors_as_field_violations() {
        assertEquals("limit", assertThrows(ProblemException.class, () -> PageRequest.parse("0", null)).violations().getFirst().field());
        assertEquals("limit", assertThrows(ProblemException.class, () -> PageRequest.parse("201", null)).violations().getFirst().field());
        assertEquals("limit", assertThrows(ProblemException.class, () -> PageRequest.parse("ten", null)).violations().getFirst().field());
        assertEquals("cursor", assertThrows(ProblemException.class, () -> PageRequest.parse(null, "!!")).violations().getFirst().field());
    }

    @Test
    void a_page_has_a_next_cursor_only_when_more_rows_follow() {
        List<UUID> rows = IntStream.range(0, 3).mapToObj(i -> Ids.newId()).toList();
        PageRequest two = PageRequest.parse("2", null);
        Page<UUID> first = Page.of(rows, two, Function.identity(), Function.identity());
        assertEquals(rows.subList(0, 2), first.items());
        assertEquals(rows.get(1), PageRequest.parse("2", first.nextCursor()).after());
        Page<UUID> last = Page.of(rows.subList(2, 3), two, Function.identity(), Function.identity());
        assertNull(last.nextCursor());
    }

    @Test
    void ids_are_version_7_and_strictly_increasing_even_within_one_millisecond() {
        UUID a = Ids.newId(1_000);
        UUID b = Ids.newId(1_000);
        UUID c = Ids.newId(2_000);
        assertEquals(7, a.version());
        assertTrue(compareUnsigned(a, b) < 0 && compareUnsigned(b, c) < 0);
    }

    /** PostgreSQL orders uuids bytewise, i.e. as unsigned numbers. */
    private static int compareUnsigned(UUID x, UUID y) {
        int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }

    @Test
    void if_match_must_name_the_current_version_when_given() {
        ETags.check(null, 3);
        ETags.check("\"3\"", 3);
        ETags.check("\"1\", \"3\"", 3);
        ETags.check("*", 3);
        ProblemException stale = assertThrows(ProblemException.class, () -> ETags.check("\"2\"", 3));
        assertEquals(412, stale.type().status());
    }
}
