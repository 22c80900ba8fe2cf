package io.tollgate.console.ui.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.console.client.Analytics;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageAgainstPlanTest {

    private static final Analytics.PricePlan FREE = new Analytics.PricePlan("FREE", "EUR", 1_000_000, true, 0, 0);
    private static final Analytics.PricePlan PAYG = new Analytics.PricePlan("PAYG", "EUR", 0, false, 100, 9);

    private static Analytics.Invoice invoice(String included, String beyondMillions) {
        return new Analytics.Invoice("2026-12", "DRAFT", "FREE", "EUR", List.of(
                new Analytics.InvoiceLine("included-requests", "Requests included in FREE", new BigDecimal(included), "requests", 0, 0),
                new Analytics.InvoiceLine("requests", "Requests beyond the included ones", new BigDecimal(beyondMillions),
                        "million-requests", 0, 0),
                new Analytics.InvoiceLine("data-out", "Response bytes", new BigDecimal("0.5"), "GB", 0, 0)), 0);
    }

    @Test
    void counts_the_included_and_the_billed_requests_of_the_month() {
        UsageAgainstPlan usage = UsageAgainstPlan.of(FREE, invoice("250000", "0"));
        assertEquals(250_000, usage.requests());
        assertEquals(0.25, usage.usedRatio(), 1e-9);
        assertEquals("750,000 requests left this month.", usage.summary());
    }

    @Test
    void a_used_up_hard_limit_says_requests_are_refused() {
        UsageAgainstPlan usage = UsageAgainstPlan.of(FREE, invoice("1000000", "0.000123"));
        assertEquals(1_000_123, usage.requests());
        assertEquals(1.0, usage.usedRatio());
        assertTrue(usage.summary().contains("refused"), usage.summary());
    }

    @Test
    void a_plan_without_allowance_bills_every_request() {
        UsageAgainstPlan usage = UsageAgainstPlan.of(PAYG, invoice("0", "2.5"));
        assertEquals(2_500_000, usage.requests());
        assertEquals(0, usage.usedRatio());
        assertEquals("Every request is billed at the plan's price.", usage.summary());
    }
}
