package io.tollgate.gateway.policy;

import io.tollgate.gateway.policy.jwt.JwksCache;
import io.tollgate.gateway.policy.request.AuthorizerDecisions;
import io.vertx.core.http.HttpClient;

/**
 * What the node shares among all deployments' policies.
 *
 * @param authorizerClient calls identity providers and authorizer endpoints (a pool apart from the upstreams')
 * @param jwks             JWT issuers' key sets by URL
 * @param decisions        request authorizers' cached answers
 * @param timeoutMillis    the longest a request waits for a key set or an authorizer's answer
 * @param maxBodyBytes     the largest body a policy reads whole (request validation)
 */
public record PolicyResources(HttpClient authorizerClient, JwksCache jwks, AuthorizerDecisions decisions, long timeoutMillis,
        long maxBodyBytes) {
}
