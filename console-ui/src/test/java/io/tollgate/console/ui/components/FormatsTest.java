package io.tollgate.console.ui.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void counts_are_grouped_and_ratios_read_as_percent() {
        assertEquals("1,234,567", Formats.count(1_234_567));
        assertEquals("0", Formats.count(0));
        assertEquals("12.3 %", Formats.percent(0.1234));
        assertEquals("100.0 %", Formats.percent(1));
    }

    @Test
    void latencies_switch_to_seconds_from_a_second_on() {
        assertEquals("12.3 ms", Formats.millis(12.345));
        assertEquals("0.4 ms", Formats.millis(0.4));
        assertEquals("1.50 s", Formats.millis(1500));
    }

    @Test
    void bytes_use_decimal_units_like_the_invoices() {
        assertEquals("999 B", Formats.bytes(999));
        assertEquals("1.5 kB", Formats.bytes(1500));
        assertEquals("2.0 GB", Formats.bytes(2_000_000_000L));
    }

    @Test
    void money_is_in_minor_units_of_its_currency() {
        assertEquals("EUR 12.34", Formats.money(1234, "EUR"));
        assertEquals("EUR 0.09", Formats.money(9, "EUR"));
        assertEquals("JPY 500", Formats.money(500, "JPY"));
        assertEquals("XYZ 1.00", Formats.money(100, "XYZ"));
    }

    @Test
    void quantities_drop_trailing_zeros_and_group_whole_numbers() {
        assertEquals("0.001", Formats.quantity(new BigDecimal("0.001000")));
        assertEquals("1,000", Formats.quantity(new BigDecimal("1000")));
        assertEquals("1234.56789", Formats.quantity(new BigDecimal("1234.56789")));
    }
}
