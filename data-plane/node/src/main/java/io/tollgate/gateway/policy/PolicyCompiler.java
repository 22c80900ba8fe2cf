package io.tollgate.gateway.policy;

import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.gateway.policy.apikey.ApiKeyPolicy;
import io.tollgate.gateway.policy.cors.CorsPolicy;
import io.tollgate.gateway.policy.jwt.JwtPolicy;
import io.tollgate.gateway.policy.request.RequestAuthorizerPolicy;
import java.util.ArrayList;
import java.util.List;

/** Builds a deployment's policy chain from its configuration and the node's own policies. */
public final class PolicyCompiler {

    private static final ApiKeyPolicy API_KEYS = new ApiKeyPolicy();

    private final List<Policy> nodePolicies;
    private final AuthorizerResources authorizers;

    /** @param nodePolicies policies every deployment gets (request limits of this node) */
    public PolicyCompiler(List<Policy> nodePolicies) {
        this(nodePolicies, null);
    }

    /** @param authorizers what authorizers share on this node; null: deployments with authorizers are refused */
    public PolicyCompiler(List<Policy> nodePolicies, AuthorizerResources authorizers) {
        this.nodePolicies = List.copyOf(nodePolicies);
        this.authorizers = authorizers;
    }

    public PolicyChain compile(DeploymentConfig deployment) {
        List<Policy> policies = new ArrayList<>(nodePolicies);
        if (deployment.cors() != null) {
            policies.add(new CorsPolicy(deployment.cors()));
        }
        if (deployment.routes().stream().anyMatch(route -> route.authorization().apiKeyRequired())) {
            policies.add(API_KEYS);
        }
        if (!deployment.authorizers().isEmpty() && authorizers == null) {
            throw new IllegalArgumentException("this node cannot run authorizers");
        }
        if (authorizers != null) {
            JwtPolicy jwt = JwtPolicy.compile(deployment, authorizers.jwks(), authorizers.timeoutMillis());
            if (jwt != null) {
                policies.add(jwt);
            }
            RequestAuthorizerPolicy request = RequestAuthorizerPolicy.compile(deployment, authorizers.client(),
                    authorizers.decisions(), authorizers.timeoutMillis());
            if (request != null) {
                policies.add(request);
            }
        }
        return policies.isEmpty() ? PolicyChain.EMPTY : new PolicyChain(policies);
    }
}
