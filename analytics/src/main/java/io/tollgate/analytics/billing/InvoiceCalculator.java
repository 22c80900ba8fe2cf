package io.tollgate.analytics.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a month's usage under a plan. Pure arithmetic, so that the same totals always give the same
 * invoice: quantities are exact decimals, each line's amount is rounded half up to a minor unit once.
 */
public final class InvoiceCalculator {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal GB = BigDecimal.valueOf(1_000_000_000);

    private InvoiceCalculator() {
    }

    public static Invoice invoice(String tenantId, YearMonth period, Invoice.Status status, PricePlan plan, long requests,
            long bytesOut) {
        List<Invoice.Line> lines = new ArrayList<>();
        long included = Math.min(requests, plan.includedRequests());
        lines.add(new Invoice.Line("included-requests", "Requests included in " + plan.code(), BigDecimal.valueOf(included),
                "requests", 0, 0));
        // under a hard limit (FREE) requests beyond the included ones are meant to be refused; those
        // answered before the limit took effect show here at the plan's price (0 on FREE)
        BigDecimal millions = BigDecimal.valueOf(requests - included).divide(MILLION);
        lines.add(new Invoice.Line("requests", "Requests beyond the included ones", millions, "million-requests",
                plan.pricePerMillionRequests(), amount(millions, plan.pricePerMillionRequests())));
        BigDecimal gigabytes = BigDecimal.valueOf(bytesOut).divide(GB);
        lines.add(new Invoice.Line("data-out", "Response bytes sent by the gateway", gigabytes, "GB", plan.pricePerGbOut(),
                amount(gigabytes, plan.pricePerGbOut())));
        long total = lines.stream().mapToLong(Invoice.Line::amountMinor).sum();
        return new Invoice(tenantId, period.toString(), status, plan.code(), plan.currency(), List.copyOf(lines), total);
    }

    private static long amount(BigDecimal quantity, long unitPriceMinor) {
        return quantity.multiply(BigDecimal.valueOf(unitPriceMinor)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
