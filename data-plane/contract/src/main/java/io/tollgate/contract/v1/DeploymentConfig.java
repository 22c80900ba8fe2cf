package io.tollgate.contract.v1;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, numbered snapshot of one API: everything a node needs to serve it on any stage
 * that points at this deployment.
 *
 * @param models           request validation models by name, each a JSON Schema document
 * @param gatewayResponses overrides of gateway-made errors by error type (e.g. {@code THROTTLED})
 * @param apiKeySource     where API keys are read from: {@code HEADER} ({@code x-api-key}) or
 *                         {@code AUTHORIZER} (from a request authorizer's usage identifier)
 */
public record DeploymentConfig(
        String id,
        String tenantId,
        long revision,
        String apiId,
        int number,
        ApiKind apiKind,
        ApiKeySource apiKeySource,
        List<RouteConfig> routes,
        List<AuthorizerConfig> authorizers,
        Map<String, String> models,
        CorsConfig cors,
        Map<String, GatewayResponseConfig> gatewayResponses) implements ConfigRecord {

    public enum ApiKind { REST, HTTP, WEBSOCKET }

    public enum ApiKeySource { HEADER, AUTHORIZER }

    public DeploymentConfig {
        Check.required(id, "id");
        Check.required(tenantId, "tenantId");
        Check.required(apiId, "apiId");
        Check.atLeast(number, 1, "number");
        Check.present(apiKind, "apiKind");
        apiKeySource = apiKeySource == null ? ApiKeySource.HEADER : apiKeySource;
        routes = Check.list(routes);
        authorizers = Check.list(authorizers);
        models = Check.map(models);
        gatewayResponses = Check.map(gatewayResponses);
        Set<String> authorizerIds = new HashSet<>();
        authorizers.forEach(authorizer -> authorizerIds.add(authorizer.id()));
        Set<String> routeKeys = new HashSet<>();
        for (RouteConfig route : routes) {
            if (!routeKeys.add(route.method() + " " + route.path())) {
                throw new IllegalArgumentException("route " + route.method() + " " + route.path() + " is defined twice");
            }
            String authorizerId = route.authorization().authorizerId();
            if (authorizerId != null && !authorizerIds.contains(authorizerId)) {
                throw new IllegalArgumentException("route " + route.id() + " uses unknown authorizer " + authorizerId);
            }
            if (route.validation() != null && route.validation().bodyModel() != null
                    && !models.containsKey(route.validation().bodyModel())) {
                throw new IllegalArgumentException("route " + route.id() + " validates with unknown model "
                        + route.validation().bodyModel());
            }
        }
    }

    @Override
    public ConfigKind kind() {
        return ConfigKind.DEPLOYMENT;
    }
}
