package io.tollgate.gateway.error;

/**
 * Every error the gateway itself answers (as opposed to what an integration answers): a stable
 * type, the HTTP status and the default message. Documented in docs/gateway-errors.md; an API can
 * override status, headers and body per type.
 */
public enum GatewayError {
    UNKNOWN_HOST(404, "No API is served at this host name"),
    STAGE_NOT_FOUND(404, "No such stage"),
    ROUTE_NOT_FOUND(404, "No route matches the request"),
    METHOD_NOT_ALLOWED(405, "The route does not accept this method"),
    TENANT_SUSPENDED(403, "This API is suspended"),
    TENANT_LIMIT_EXCEEDED(429, "The API owner's plan limit for this period is used up"),
    API_KEY_MISSING(403, "This route needs an API key (x-api-key header)"),
    API_KEY_INVALID(403, "The API key is not valid"),
    API_KEY_DISABLED(403, "The API key is disabled"),
    API_KEY_EXPIRED(403, "The API key has expired"),
    API_KEY_NOT_ALLOWED(403, "The API key's usage plans do not cover this API stage"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    ACCESS_DENIED(403, "User is not authorized to access this resource"),
    CACHE_INVALIDATION_FORBIDDEN(403, "This key or token may not invalidate cached responses (Cache-Control: max-age=0)"),
    BAD_REQUEST_BODY(400, "Invalid request body"),
    BAD_REQUEST_PARAMETERS(400, "Missing required request parameters"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    URI_TOO_LONG(414, "Request URL too long"),
    HEADERS_TOO_LARGE(431, "Too many or too large request headers"),
    THROTTLED(429, "Too many requests"),
    QUOTA_EXCEEDED(429, "Limit exceeded"),
    BAD_GATEWAY(502, "The integration could not be reached"),
    INTEGRATION_FAILURE(502, "The integration answered with an invalid response"),
    GATEWAY_NOT_READY(503, "The gateway has no configuration yet"),
    METERING_UNAVAILABLE(503, "The gateway cannot record requests right now"),
    UPSTREAM_UNAVAILABLE(503, "The integration failed repeatedly and is given time to recover"),
    INTEGRATION_TIMEOUT(504, "The integration did not answer in time"),
    AUTHORIZER_FAILURE(500, "The authorizer could not be reached or gave an invalid answer"),
    INTERNAL(500, "Internal gateway error");

    private final int status;
    private final String message;

    GatewayError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
