package io.tollgate.analytics.usage;

import java.time.Instant;

/**
 * The dimensions of one aggregate row: tenant, time bucket (UTC start), API, stage, route
 * ({@code METHOD /template}) and API key; {@link #NONE} where a dimension does not apply.
 */
public record UsageKey(String tenantId, Instant bucket, String apiId, String stage, String route, String keyId) {

    public static final String NONE = "-";
    /** Every dimension of the tenant's total row (one per bucket), which unfiltered queries read instead of summing all rows. */
    public static final String ALL = "*";

    /** The tenant's total row of this bucket. */
    public UsageKey total() {
        return new UsageKey(tenantId, bucket, ALL, ALL, ALL, ALL);
    }

    /** The same dimensions in another bucket (rolling minutes up to hours and days). */
    public UsageKey in(Instant otherBucket) {
        return new UsageKey(tenantId, otherBucket, apiId, stage, route, keyId);
    }
}
