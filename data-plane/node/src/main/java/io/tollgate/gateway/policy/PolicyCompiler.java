package io.tollgate.gateway.policy;

import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.gateway.policy.apikey.ApiKeyPolicy;
import io.tollgate.gateway.policy.cors.CorsPolicy;
import java.util.ArrayList;
import java.util.List;

/** Builds a deployment's policy chain from its configuration and the node's own policies. */
public final class PolicyCompiler {

    private static final ApiKeyPolicy API_KEYS = new ApiKeyPolicy();

    private final List<Policy> nodePolicies;

    /** @param nodePolicies policies every deployment gets (request limits of this node) */
    public PolicyCompiler(List<Policy> nodePolicies) {
        this.nodePolicies = List.copyOf(nodePolicies);
    }

    public PolicyChain compile(DeploymentConfig deployment) {
        List<Policy> policies = new ArrayList<>(nodePolicies);
        if (deployment.cors() != null) {
            policies.add(new CorsPolicy(deployment.cors()));
        }
        if (deployment.routes().stream().anyMatch(route -> route.authorization().apiKeyRequired())) {
            policies.add(API_KEYS);
        }
        return policies.isEmpty() ? PolicyChain.EMPTY : new PolicyChain(policies);
    }
}
