package io.tollgate.analytics.billing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform price plan (table {@code price_plans}); prices in minor units of the currency. */
@Schema(description = "A platform price plan; prices in minor units of the currency (cents for EUR)")
public record PricePlan(@Schema(description = "FREE or PAYG") String code, String currency,
        @Schema(description = "Requests a month included at no charge") long includedRequests,
        @Schema(description = "Whether requests beyond the included ones are refused") boolean hardLimit,
        long pricePerMillionRequests, @Schema(description = "Per 10^9 response body bytes") long pricePerGbOut) {

    /** The plan of a tenant that was never assigned one. */
    public static final String DEFAULT = "FREE";
}
