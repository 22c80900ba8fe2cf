package io.tollgate.console.ui.billing;

import io.tollgate.console.client.Analytics;
import java.math.BigDecimal;

/**
 * The running month's requests against the plan's allowance, from the month's invoice: its
 * included-requests and requests lines count every request of the month.
 */
public record UsageAgainstPlan(long requests, long included, boolean hardLimit) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public static UsageAgainstPlan of(Analytics.PricePlan plan, Analytics.Invoice running) {
        long requests = 0;
        for (Analytics.InvoiceLine line : running.lines()) {
            if ("included-requests".equals(line.item())) {
                requests += line.quantity().longValueExact();
            } else if ("requests".equals(line.item())) {
                requests += line.quantity().multiply(MILLION).longValueExact();
            }
        }
        return new UsageAgainstPlan(requests, plan.includedRequests(), plan.hardLimit());
    }

    /** Share of the allowance used, 0 to 1 (capped); 0 when the plan includes nothing. */
    public double usedRatio() {
        return included == 0 ? 0 : Math.min(1, (double) requests / included);
    }

    /** What the person should know about it, in one sentence. */
    public String summary() {
        if (included == 0) {
            return "Every request is billed at the plan's price.";
        }
        if (requests >= included) {
            return hardLimit ? "The monthly allowance is used up: further requests are refused until next month or an upgrade."
                    : "Beyond the allowance: further requests are billed.";
        }
        return String.format(java.util.Locale.ROOT, "%,d requests left this month.", included - requests);
    }
}
