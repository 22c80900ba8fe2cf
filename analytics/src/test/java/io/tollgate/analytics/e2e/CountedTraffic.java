package io.tollgate.analytics.e2e;

import java.time.Instant;

/**
 * What the outage tests drive and read: a tenant set up on the platform, the gateway serving both of its
 * keys, the analytics API over the time since the tenant was made, and the gateway's own metrics.
 */
record CountedTraffic(TenantFixture tenant, Gateway gateway, AnalyticsApi analytics, GatewayMetrics metrics) {

    /** Sets up a tenant (named from {@code prefix}) and waits until the gateway serves its keyed route. */
    static CountedTraffic ready(PlatformUnderTest platform, StatusUpstream upstream, Tally tally, String prefix) throws Exception {
        TenantFixture tenant = TenantFixture.create(platform.controlPlaneUrl(), platform.keycloakUsers(), upstream.baseUrl(),
                prefix + System.nanoTime());
        Instant start = Instant.now();
        Gateway gateway = new Gateway(platform.gatewayUrl(), tenant.apiId, tally);
        gateway.awaitServing("/keyed/200", tenant.generousKey, status -> status == 200);
        gateway.awaitServing("/keyed/200", tenant.throttledKey, status -> status == 200 || status == 429);
        return new CountedTraffic(tenant, gateway, new AnalyticsApi(platform.analyticsUrl(), tenant.tenantId, tenant::ownerToken, start),
                new GatewayMetrics(platform.gatewayUrl()));
    }
}
