package io.tollgate.gateway.config;

import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.StageConfig;
import java.util.List;
import java.util.Map;

/** Builders of valid contract records for the node's tests. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static RouteConfig mockRoute(String method, String path, int status, String body) {
        return new RouteConfig("r-" + method + path, method, path, AuthorizationConfig.NONE,
                new IntegrationConfig.Mock(status, Map.of("content-type", "text/plain"), body), null);
    }

    public static RouteConfig proxyRoute(String method, String path, String uri, int timeoutMillis) {
        return new RouteConfig("r-" + method + path, method, path, AuthorizationConfig.NONE,
                new IntegrationConfig.HttpProxy(uri, List.of(), null, null, timeoutMillis), null);
    }

    public static DeploymentConfig deployment(String id, String tenantId, String apiId, long revision, List<RouteConfig> routes) {
        return new DeploymentConfig(id, tenantId, revision, apiId, 1, DeploymentConfig.ApiKind.REST, null, routes,
                List.of(), Map.of(), null, Map.of());
    }

    public static StageConfig stage(String id, String tenantId, String apiId, String name, String deploymentId, long revision,
            Map<String, String> variables) {
        return new StageConfig(id, tenantId, revision, apiId, name, deploymentId, variables, null, Map.of(), null, false, null);
    }
}
