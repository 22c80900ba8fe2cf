package io.tollgate.analytics.billing;

/** A platform price plan (table {@code price_plans}); prices in minor units of the currency. */
public record PricePlan(String code, String currency, long includedRequests, boolean hardLimit, long pricePerMillionRequests,
        long pricePerGbOut) {

    /** The plan of a tenant that was never assigned one. */
    public static final String DEFAULT = "FREE";
}
