package io.tollgate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ServiceTest {

    @Test
    void parses_a_list_in_any_case_with_spaces() {
        assertEquals(EnumSet.of(Service.POSTGRES, Service.KAFKA), Service.parseList(" postgres, KAFKA "));
    }

    @Test
    void blank_means_every_service() {
        assertEquals(EnumSet.allOf(Service.class), Service.parseList(""));
    }

    @Test
    void rejects_an_unknown_service() {
        assertThrows(IllegalArgumentException.class, () -> Service.parseList("postgres,redis"));
    }
}
