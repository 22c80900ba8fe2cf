package io.tollgate.analytics.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceCalculatorTest {

    private static final PricePlan FREE = new PricePlan("FREE", "EUR", 1_000_000, true, 0, 0);
    private static final PricePlan PAYG = new PricePlan("PAYG", "EUR", 0, false, 100, 9);

    @Test
    void pay_as_you_go_prices_millions_of_requests_and_gigabytes_out_rounded_half_up_per_line() {
        // 2 500 000 requests = 2.5 M × 100 = 250; 1 234 567 890 123 bytes = 1 234.567890123 GB × 9 = 11 111.11… → 11 111
        Invoice invoice = InvoiceCalculator.invoice("t-1", YearMonth.of(2026, 11), Invoice.Status.FINAL, PAYG, 2_500_000,
                1_234_567_890_123L);
        assertEquals(List.of("included-requests", "requests", "data-out"), invoice.lines().stream().map(Invoice.Line::item).toList());
        assertEquals(new BigDecimal("2.5"), invoice.lines().get(1).quantity());
        assertEquals(250, invoice.lines().get(1).amountMinor());
        assertEquals(new BigDecimal("1234.567890123"), invoice.lines().get(2).quantity());
        assertEquals(11_111, invoice.lines().get(2).amountMinor());
        assertEquals(11_361, invoice.totalMinor());
        assertEquals("EUR", invoice.currency());
        assertEquals("2026-11", invoice.period());
        // half up: 5 000 requests = 0.005 M × 100 = 0.5 → 1
        assertEquals(1, InvoiceCalculator.invoice("t-1", YearMonth.of(2026, 11), Invoice.Status.DRAFT, PAYG, 5_000, 0).totalMinor());
    }

    @Test
    void free_includes_a_million_requests_and_costs_nothing() {
        Invoice invoice = InvoiceCalculator.invoice("t-1", YearMonth.of(2026, 11), Invoice.Status.DRAFT, FREE, 1_200_000, 5_000_000_000L);
        assertEquals(BigDecimal.valueOf(1_000_000), invoice.lines().get(0).quantity());
        assertEquals(new BigDecimal("0.2"), invoice.lines().get(1).quantity());
        assertEquals(0, invoice.totalMinor());
    }

    @Test
    void csv_has_one_row_per_line_and_the_total() {
        Invoice invoice = InvoiceCalculator.invoice("t-1", YearMonth.of(2026, 11), Invoice.Status.FINAL, PAYG, 2_500_000, 2_000_000_000L);
        assertEquals("""
                tenant_id,period,status,plan,currency,item,quantity,unit,unit_price_minor,amount_minor\r
                t-1,2026-11,FINAL,PAYG,EUR,included-requests,0,requests,0,0\r
                t-1,2026-11,FINAL,PAYG,EUR,requests,2.5,million-requests,100,250\r
                t-1,2026-11,FINAL,PAYG,EUR,data-out,2,GB,9,18\r
                t-1,2026-11,FINAL,PAYG,EUR,total,,,,268\r
                """, InvoiceCsv.of(invoice));
    }
}
