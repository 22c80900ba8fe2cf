package io.tollgate.controlplane.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.AuthorizerConfig;
import io.tollgate.contract.v1.CorsConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.GatewayResponseConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.ValidationConfig;
import io.tollgate.controlplane.api.ApiSpec;
import io.tollgate.controlplane.authorizer.AuthorizerSpec;
import io.tollgate.controlplane.deployment.ApiSnapshot;
import io.tollgate.controlplane.deployment.Deployment;
import io.tollgate.controlplane.route.RouteSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment's snapshot as the data plane's {@link DeploymentConfig}. Field names match one to one;
 * this only changes representation (string enums to enums, JSON Schema objects to text, defaults made
 * explicit). The contract records validate themselves, so an inconsistent snapshot fails here with an
 * IllegalArgumentException instead of reaching a node.
 */
public final class DeploymentTranslator {

    private DeploymentTranslator() {
    }

    public static DeploymentConfig translate(Deployment deployment, long revision) {
        ApiSnapshot snapshot = deployment.content();
        ApiSpec api = snapshot.api();
        return new DeploymentConfig(deployment.id.toString(), deployment.tenantId.toString(), revision,
                deployment.apiId.toString(), deployment.number, DeploymentConfig.ApiKind.valueOf(api.kind()),
                api.apiKeySource() == null ? null : DeploymentConfig.ApiKeySource.valueOf(api.apiKeySource()),
                snapshot.routes().stream().map(DeploymentTranslator::route).toList(),
                snapshot.authorizers().stream().map(DeploymentTranslator::authorizer).toList(),
                models(api.models()), cors(api.cors()), gatewayResponses(api.gatewayResponses()));
    }

    static RouteConfig route(ApiSnapshot.RouteEntry entry) {
        RouteSpec route = entry.route();
        return new RouteConfig(entry.id().toString(), route.method(), route.path(), authorization(route.authorization()),
                integration(route.integration()), validation(route.validation()));
    }

    static AuthorizationConfig authorization(RouteSpec.Authorization a) {
        if (a == null) {
            return AuthorizationConfig.NONE;
        }
        return new AuthorizationConfig(AuthorizationConfig.Type.valueOf(a.type()), a.authorizerId(), a.scopes(),
                Boolean.TRUE.equals(a.apiKeyRequired()));
    }

    static IntegrationConfig integration(RouteSpec.Integration i) {
        int timeout = i.timeoutMillis() == null ? IntegrationConfig.DEFAULT_TIMEOUT_MILLIS : i.timeoutMillis();
        return switch (i.type()) {
            case "HTTP_PROXY" -> new IntegrationConfig.HttpProxy(i.uri(),
                    i.targets() == null ? List.of() : i.targets().stream()
                            .map(t -> new IntegrationConfig.Target(t.url(), t.weight() == null ? 1 : t.weight())).toList(),
                    i.loadBalancing() == null ? null : IntegrationConfig.LoadBalancing.valueOf(i.loadBalancing()),
                    healthCheck(i.healthCheck()), timeout);
            case "HTTP" -> new IntegrationConfig.Http(i.method(), i.uri(), i.requestParameters(), i.requestTemplates(),
                    i.responseParameters(), i.responseTemplates(), timeout);
            case "MOCK" -> new IntegrationConfig.Mock(i.statusCode(), i.headers(), i.body());
            case "FUNCTION" -> new IntegrationConfig.Function(i.uri(), i.payloadFormatVersion(), timeout);
            default -> throw new IllegalArgumentException("unknown integration type " + i.type());
        };
    }

    private static IntegrationConfig.HealthCheck healthCheck(RouteSpec.HealthCheck h) {
        return h == null ? null : new IntegrationConfig.HealthCheck(h.path(), h.intervalSeconds(), h.timeoutMillis(),
                h.healthyThreshold(), h.unhealthyThreshold());
    }

    static ValidationConfig validation(RouteSpec.Validation v) {
        return v == null ? null : new ValidationConfig(v.bodyModel(), v.requiredQueryStrings(), v.requiredHeaders());
    }

    static AuthorizerConfig authorizer(ApiSnapshot.AuthorizerEntry entry) {
        AuthorizerSpec a = entry.authorizer();
        String id = entry.id().toString();
        return switch (a.type()) {
            case "JWT" -> new AuthorizerConfig.Jwt(id, a.name(), a.issuer(), a.audiences(), a.jwksUri(), a.identitySource(),
                    a.clockSkewSeconds());
            case "REQUEST" -> new AuthorizerConfig.Request(id, a.name(), a.uri(), a.identitySources(),
                    a.resultTtlSeconds() == null ? 0 : a.resultTtlSeconds());
            default -> throw new IllegalArgumentException("unknown authorizer type " + a.type());
        };
    }

    /** The contract carries each JSON Schema as text: nodes compile it once, on apply. */
    static Map<String, String> models(Map<String, JsonNode> models) {
        Map<String, String> text = new LinkedHashMap<>();
        models.forEach((name, schema) -> text.put(name, schema.toString()));
        return text;
    }

    static CorsConfig cors(ApiSpec.Cors c) {
        return c == null ? null : new CorsConfig(c.allowOrigins(), c.allowMethods(), c.allowHeaders(), c.exposeHeaders(),
                Boolean.TRUE.equals(c.allowCredentials()), c.maxAgeSeconds() == null ? 0 : c.maxAgeSeconds());
    }

    static Map<String, GatewayResponseConfig> gatewayResponses(Map<String, ApiSpec.GatewayResponse> responses) {
        Map<String, GatewayResponseConfig> translated = new LinkedHashMap<>();
        responses.forEach((type, r) -> translated.put(type, new GatewayResponseConfig(r.statusCode(), r.headers(), r.bodyTemplate())));
        return translated;
    }
}
