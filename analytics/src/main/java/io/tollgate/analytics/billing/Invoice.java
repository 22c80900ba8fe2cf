package io.tollgate.analytics.billing;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A tenant's invoice of one UTC month; amounts in minor units of the currency (cents for EUR)")
public record Invoice(String tenantId,
        @Schema(description = "The month, YYYY-MM (UTC)") String period,
        @Schema(description = "DRAFT while the month runs (or its usage is still being rolled up), FINAL after") Status status,
        String plan, String currency, List<Line> lines, long totalMinor) {

    public enum Status { DRAFT, FINAL }

    @Schema(description = "One line item: quantity × unit price, rounded half up to a minor unit")
    public record Line(@Schema(description = "requests, included-requests or data-out") String item, String description,
            BigDecimal quantity, @Schema(description = "requests, million-requests or GB") String unit,
            long unitPriceMinor, long amountMinor) {
    }
}
