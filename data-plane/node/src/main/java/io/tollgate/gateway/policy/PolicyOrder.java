package io.tollgate.gateway.policy;

/**
 * Where each policy runs in the request path, and why there. A new policy adds a line here and a
 * class of its own; the chain sorts by this order, so no policy knows about the others.
 */
public enum PolicyOrder {
    /** First: preflight requests are answered before anything can refuse them, and every answer,
     *  gateway errors included, carries the CORS headers a browser needs to read it. */
    CORS,
    /** Before any real work: oversized requests are refused at the cheapest point. */
    REQUEST_LIMITS,
    /** Identifies the caller's key and plans, which throttling and quotas need. */
    API_KEY,
    /** Bearer tokens of the tenant's identity provider; after API keys so plans apply to JWT routes too. */
    JWT,
    /** The tenant's own authorizer endpoint: the most expensive check, so after the cheap ones. */
    REQUEST_AUTHORIZER,
    /** Rate limits after authentication, so that anonymous floods cannot spend a key's tokens. */
    THROTTLE,
    /** Quotas after throttling: a throttled request does not count against the quota. */
    QUOTA,
    /** Validation after admission: an unauthorized caller learns nothing about the schema. */
    VALIDATION,
    /** A cache hit skips the mapping and the integration. */
    CACHE,
    /** Last before the integration: mapping templates and parameter transforms. */
    TRANSFORM
}
