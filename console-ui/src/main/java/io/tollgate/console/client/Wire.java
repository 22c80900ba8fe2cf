package io.tollgate.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The tenant API's JSON documents as the console reads and writes them (see the control plane's
 * OpenAPI document at /q/openapi). Unknown fields are ignored so the API can grow without breaking
 * the console; absent fields are not sent.
 */
public final class Wire {

    private Wire() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Me(String subject, String username, String email, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tenant(String id, String name, String role, Instant createdAt) {
    }

    public record NewTenant(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Api(String id, String name, String description, String kind, String apiKeySource, Cors cors,
                      Map<String, GatewayResponse> gatewayResponses, Map<String, JsonNode> models,
                      List<String> binaryMediaTypes, Instant createdAt) {

        /** Everything the API holds, so that a replace (PUT) changes only what a panel edits. */
        public ApiSpec spec() {
            return new ApiSpec(name, description, kind, apiKeySource, cors, gatewayResponses, models, binaryMediaTypes);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiSpec(String name, String description, String kind, String apiKeySource, Cors cors,
                          Map<String, GatewayResponse> gatewayResponses, Map<String, JsonNode> models,
                          List<String> binaryMediaTypes) {

        public ApiSpec withCors(Cors other) {
            return new ApiSpec(name, description, kind, apiKeySource, other, gatewayResponses, models, binaryMediaTypes);
        }

        public ApiSpec withGatewayResponses(Map<String, GatewayResponse> other) {
            return new ApiSpec(name, description, kind, apiKeySource, cors, other, models, binaryMediaTypes);
        }

        public ApiSpec withModels(Map<String, JsonNode> other) {
            return new ApiSpec(name, description, kind, apiKeySource, cors, gatewayResponses, other, binaryMediaTypes);
        }
    }

    /** Override of one gateway-made error (docs/gateway-errors.md); absent fields keep the default. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GatewayResponse(Integer statusCode, Map<String, String> headers, String bodyTemplate) {
    }

    /** The answer to an OpenAPI import: the API as stored, what was created, and every part that was ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportResult(Api api, int routes, int authorizers, List<ImportWarning> warnings) {
    }

    /** A part of an imported document that was not taken over, where it is ({@code paths./pets.get.…}) and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportWarning(String path, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, Boolean allowCredentials, Integer maxAgeSeconds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Route(String id, String method, String path, Authorization authorization, Integration integration,
                        JsonNode validation, Instant createdAt) {

        public RouteSpec spec() {
            return new RouteSpec(method, path, authorization, integration, validation);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RouteSpec(String method, String path, Authorization authorization, Integration integration,
                            JsonNode validation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Authorization(String type, String authorizerId, List<String> scopes, Boolean apiKeyRequired) {
    }

    /** One shape for the four kinds; {@code type} says which fields apply (the others stay null). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Integration(String type, String uri, JsonNode targets, String loadBalancing, JsonNode healthCheck,
                              Integer timeoutMillis, String method, Map<String, String> requestParameters,
                              Map<String, String> requestTemplates, Map<String, String> responseParameters,
                              Integer statusCode, Map<String, String> headers, String body, String payloadFormatVersion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Authorizer(String id, String name, String type, String issuer, List<String> audiences, String jwksUri,
                             String uri, List<String> identitySources, Integer resultTtlSeconds, Instant createdAt) {

        public AuthorizerSpec spec() {
            return new AuthorizerSpec(name, type, issuer, audiences, jwksUri, uri, identitySources, resultTtlSeconds);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthorizerSpec(String name, String type, String issuer, List<String> audiences, String jwksUri,
                                 String uri, List<String> identitySources, Integer resultTtlSeconds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deployment(String id, String apiId, int number, String description, String createdBy, Instant createdAt,
                             String stageName) {
    }

    public record NewDeployment(String description, String stageName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stage(String id, String name, String deploymentId, Map<String, String> variables, Throttle throttle,
                        Map<String, Throttle> routeThrottles, Cache cache, Boolean accessLogging, Canary canary,
                        Instant createdAt) {

        public StageSpec spec() {
            return new StageSpec(deploymentId, variables, throttle, routeThrottles, cache, accessLogging, canary);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageSpec(String deploymentId, Map<String, String> variables, Throttle throttle,
                            Map<String, Throttle> routeThrottles, Cache cache, Boolean accessLogging, Canary canary) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Throttle(Double rateLimit, Integer burstLimit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cache(Boolean enabled, Integer ttlSeconds, List<String> keyParameters) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Canary(Double percent, String deploymentId, Map<String, String> variables) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UsagePlan(String id, String name, String description, Throttle throttle, Quota quota,
                            List<PlanStage> stages, Instant createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UsagePlanSpec(String name, String description, Throttle throttle, Quota quota, List<PlanStage> stages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quota(Long limit, String period) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanStage(String apiId, String stage, Throttle throttle) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiKey(String id, String name, String prefix, boolean imported, boolean enabled, Instant expiresAt,
                         List<String> usagePlanIds, Instant createdAt, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewApiKey(String name, Boolean enabled, Instant expiresAt, List<String> usagePlanIds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiKeyChange(String name, Boolean enabled, Instant expiresAt, List<String> usagePlanIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String id, String subject, String email, String name, String role, Instant joinedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invitation(String id, String email, String role, String invitedBy, Instant createdAt, Instant expiresAt) {
    }

    public record NewInvitation(String email, String role) {
    }

    public record RoleChange(String role) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessToken(String id, String name, String role, String prefix, String createdBy, Instant createdAt,
                              Instant expiresAt, Instant revokedAt, String token) {
    }

    public record NewAccessToken(String name, String role, Instant expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditEntry(String id, Instant occurredAt, Actor actor, String action, Target target, JsonNode before,
                             JsonNode after) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String type, String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String type, String id) {
    }
}
