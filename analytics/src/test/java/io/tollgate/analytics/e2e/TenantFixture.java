package io.tollgate.analytics.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.runtime.testing.KeycloakUsers;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A tenant set up as a person does it, through the real tenant API with their Keycloak token: the
 * organization, an API with two HTTP_PROXY routes to a loopback upstream ({@code /open/…} without
 * authorization, {@code /keyed/…} with an API key), a deployment to {@code prod}, two usage plans
 * (one generous, one throttled to a request a second) and a key under each.
 */
final class TenantFixture {

    /** An API key as the gateway sees it (value) and as analytics reports it (id). */
    record Key(String id, String value) {
    }

    final String tenantId;
    final String apiId;
    final Key generousKey;
    final Key throttledKey;
    private final Supplier<String> ownerToken;

    private TenantFixture(String tenantId, String apiId, Key generousKey, Key throttledKey, Supplier<String> ownerToken) {
        this.tenantId = tenantId;
        this.apiId = apiId;
        this.generousKey = generousKey;
        this.throttledKey = throttledKey;
        this.ownerToken = ownerToken;
    }

    /** A fresh Keycloak token of the tenant's owner (tokens are short-lived; tests outlast them). */
    String ownerToken() {
        return ownerToken.get();
    }

    static TenantFixture create(String controlPlaneUrl, KeycloakUsers users, String upstreamUrl, String name) {
        return create(controlPlaneUrl, users, upstreamUrl, name, false);
    }

    /** With {@code cached}, the prod stage caches responses (Infinispan) for five minutes. */
    static TenantFixture create(String controlPlaneUrl, KeycloakUsers users, String upstreamUrl, String name, boolean cached) {
        KeycloakUsers.Person owner = users.create(name + "-owner");
        Supplier<String> token = new FreshToken(() -> users.token(owner));
        Supplier<RequestSpecification> api = () -> given().baseUri(controlPlaneUrl).auth().oauth2(token.get())
                .contentType(ContentType.JSON).accept(ContentType.JSON);

        String tenantId = id(api.get().body(Map.of("name", name)).post("/v1/tenants"));
        String base = "/v1/tenants/" + tenantId;
        String apiId = id(api.get().body(Map.of("name", name + "-api", "kind", "REST")).post(base + "/apis"));
        id(api.get().body(Map.of("method", "GET", "path", "/open/{path+}",
                "integration", Map.of("type", "HTTP_PROXY", "uri", upstreamUrl + "/{path+}"))).post(base + "/apis/" + apiId + "/routes"));
        id(api.get().body(Map.of("method", "GET", "path", "/keyed/{path+}", "authorization", Map.of("type", "API_KEY"),
                "integration", Map.of("type", "HTTP_PROXY", "uri", upstreamUrl + "/{path+}"))).post(base + "/apis/" + apiId + "/routes"));
        String deploymentId = id(api.get().body(Map.of("description", "e2e", "stageName", "prod"))
                .post(base + "/apis/" + apiId + "/deployments"));
        if (cached) {
            id(api.get().body(Map.of("deploymentId", deploymentId, "cache", Map.of("enabled", true, "ttlSeconds", 300)))
                    .put(base + "/apis/" + apiId + "/stages/prod"));
        }
        List<Map<String, String>> stages = List.of(Map.of("apiId", apiId, "stage", "prod"));
        String generousPlan = id(api.get().body(Map.of("name", "generous", "stages", stages)).post(base + "/usage-plans"));
        String throttledPlan = id(api.get().body(Map.of("name", "throttled", "throttle", Map.of("rateLimit", 1.0, "burstLimit", 1),
                "stages", stages)).post(base + "/usage-plans"));
        Key generous = key(api.get().body(Map.of("name", "generous", "usagePlanIds", List.of(generousPlan))).post(base + "/api-keys"));
        Key throttled = key(api.get().body(Map.of("name", "throttled", "usagePlanIds", List.of(throttledPlan))).post(base + "/api-keys"));
        return new TenantFixture(tenantId, apiId, generous, throttled, token);
    }

    /**
     * A token kept for a minute (Keycloak's access tokens live five): tests poll analytics often, and
     * a password grant per poll would load Keycloak (password hashing) for nothing.
     */
    private static final class FreshToken implements Supplier<String> {

        private static final long REUSE_NANOS = java.time.Duration.ofSeconds(60).toNanos();
        private final Supplier<String> grant;
        private String token;
        private long obtainedAt;

        FreshToken(Supplier<String> grant) {
            this.grant = grant;
        }

        @Override
        public synchronized String get() {
            if (token == null || System.nanoTime() - obtainedAt > REUSE_NANOS) {
                token = grant.get();
                obtainedAt = System.nanoTime();
            }
            return token;
        }
    }

    private static String id(Response response) {
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("tenant API answered " + response.statusCode() + ": " + response.asString());
        }
        return response.jsonPath().getString("id");
    }

    private static Key key(Response response) {
        return new Key(id(response), response.jsonPath().getString("value"));
    }
}
