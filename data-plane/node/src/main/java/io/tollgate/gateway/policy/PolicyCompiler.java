package io.tollgate.gateway.policy;

import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.gateway.policy.apikey.ApiKeyPolicy;
import io.tollgate.gateway.policy.cors.CorsPolicy;
import io.tollgate.gateway.policy.jwt.JwtPolicy;
import io.tollgate.gateway.policy.request.RequestAuthorizerPolicy;
import io.tollgate.gateway.policy.validation.RequestValidationPolicy;
import java.util.ArrayList;
import java.util.List;

/** Builds a deployment's policy chain from its configuration and the node's own policies. */
public final class PolicyCompiler {

    private static final ApiKeyPolicy API_KEYS = new ApiKeyPolicy();

    private final List<Policy> nodePolicies;
    private final PolicyResources resources;

    /** @param nodePolicies policies every deployment gets (request limits of this node) */
    public PolicyCompiler(List<Policy> nodePolicies) {
        this(nodePolicies, null);
    }

    /** @param resources what policies share on this node; null: deployments with authorizers or validation are refused */
    public PolicyCompiler(List<Policy> nodePolicies, PolicyResources resources) {
        this.nodePolicies = List.copyOf(nodePolicies);
        this.resources = resources;
    }

    public PolicyChain compile(DeploymentConfig deployment) {
        List<Policy> policies = new ArrayList<>(nodePolicies);
        if (deployment.cors() != null) {
            policies.add(new CorsPolicy(deployment.cors()));
        }
        if (deployment.routes().stream().anyMatch(route -> route.authorization().apiKeyRequired())) {
            policies.add(API_KEYS);
        }
        if (resources == null) {
            if (!deployment.authorizers().isEmpty() || deployment.routes().stream().anyMatch(route -> route.validation() != null)) {
                throw new IllegalArgumentException("this node cannot run authorizers or request validation");
            }
        } else {
            add(policies, JwtPolicy.compile(deployment, resources.jwks(), resources.timeoutMillis()));
            add(policies, RequestAuthorizerPolicy.compile(deployment, resources.authorizerClient(), resources.decisions(),
                    resources.timeoutMillis()));
            add(policies, RequestValidationPolicy.compile(deployment, resources.maxBodyBytes()));
        }
        return policies.isEmpty() ? PolicyChain.EMPTY : new PolicyChain(policies);
    }

    private static void add(List<Policy> policies, Policy policy) {
        if (policy != null) {
            policies.add(policy);
        }
    }
}
