package io.tollgate.contract.v1;

/**
 * One request answered by a gateway node, as it is metered and billed: sent to
 * {@code tollgate.access-events} keyed by {@link #tenantId()} (so a tenant's events stay in order on
 * one partition), one event per request, gateway errors included.
 *
 * <p>{@link #id()} is unique per event: analytics and tests use it to prove that nothing was lost or
 * counted twice. Fields that do not apply are null ({@code apiId}, {@code stage}, {@code route} when
 * no stage or route was found; {@code keyId} without an API key; {@code errorType} when the
 * integration's answer was passed on) or -1 (latency of an integration that was never called).
 *
 * @param id                 unique event id (32 hex digits)
 * @param epochMillis        when the request arrived, milliseconds since the epoch (UTC)
 * @param tenantId           the API's tenant; {@link #NO_TENANT} for requests that reached no API
 * @param route              the matched route's path template, e.g. {@code /pets/{id}}
 * @param status             the HTTP status sent to the client
 * @param latencyMicros      time from request to the end of the response, as the client sees it
 * @param integrationMicros  the integration's share of it (until its response headers), -1 without one
 * @param bytesIn            request bytes read (headers and body)
 * @param bytesOut           response bytes written (headers and body)
 * @param keyId              the caller's API key id (never its value)
 * @param cacheStatus        the response cache's verdict ({@code HIT}, {@code MISS}, {@code BYPASS}) or null
 * @param errorType          the gateway error type (docs/gateway-errors.md), e.g. {@code THROTTLED}
 * @param requestId          the request id the client and the integration saw ({@code x-request-id})
 * @param clientAddress      the client's IP address as the node saw it
 */
public record AccessEvent(String id, long epochMillis, String tenantId, String apiId, String stage, String route,
        String method, int status, long latencyMicros, long integrationMicros, long bytesIn, long bytesOut, String keyId,
        String cacheStatus, String errorType, String requestId, String clientAddress) {

    /** Tenant of requests that never reached an API (unknown host, node not ready). */
    public static final String NO_TENANT = "-";

    public AccessEvent {
        Check.required(id, "id");
        Check.required(tenantId, "tenantId");
        Check.required(method, "method");
        Check.between(status, 100, 999, "status");
        Check.atLeast(latencyMicros, 0, "latencyMicros");
        Check.atLeast(integrationMicros, -1, "integrationMicros");
        Check.atLeast(bytesIn, 0, "bytesIn");
        Check.atLeast(bytesOut, 0, "bytesOut");
    }

    /** 1 for 1xx … 5xx. */
    public int statusClass() {
        return status / 100;
    }
}
