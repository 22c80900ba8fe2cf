package io.tollgate.controlplane;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tollgate.runtime.testing.KeycloakUsers;
import java.util.Map;

/**
 * The tenant API as a test drives it: real people in the real Keycloak, real tokens, plain HTTP.
 * Every helper asserts the status it expects, so a broken step fails where it happens.
 */
public final class TenantApi {

    /** A person signed in to Keycloak, with their current access token. */
    public record Signed(KeycloakUsers.Person person, String token) {
        public String email() {
            return person.email();
        }

        public RequestSpecification call() {
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    private TenantApi() {
    }

    public static Signed signUp(String name) {
        KeycloakUsers users = KeycloakUsers.fromTestConfig();
        KeycloakUsers.Person person = users.create(name);
        return new Signed(person, users.token(person));
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Creates an organization owned by the person; returns its id. */
    public static String createTenant(Signed owner, String name) {
        return owner.call().body(Map.of("name", name)).post("/v1/tenants").then().statusCode(201).extract().path("id");
    }

    public static String invite(Signed inviter, String tenantId, String email, String role) {
        return inviter.call().body(Map.of("email", email, "role", role))
                .post("/v1/tenants/{t}/invitations", tenantId).then().statusCode(201).extract().path("id");
    }

    /** A new person who joined the tenant with the role, by invitation and their next request; returns them. */
    public static Signed join(Signed inviter, String tenantId, String role, String name) {
        Signed person = signUp(name);
        invite(inviter, tenantId, person.email(), role);
        person.call().get("/v1/tenants/{t}", tenantId).then().statusCode(200);
        return person;
    }

    /** The membership id of a person in a tenant, as listed by someone who can read members. */
    public static String memberId(Signed reader, String tenantId, Signed member) {
        return reader.call().get("/v1/tenants/{t}/members?limit=200", tenantId).then().statusCode(200)
                .extract().path("items.find { it.email == '%s' }.id".formatted(member.email()));
    }

    /** Creates an access token with the role; returns {id, token}. */
    public static Map<String, String> createAccessToken(Signed creator, String tenantId, String role) {
        return creator.call().body(Map.of("name", "ci " + role, "role", role,
                        "expiresAt", java.time.Instant.now().plusSeconds(3600).toString()))
                .post("/v1/tenants/{t}/access-tokens", tenantId).then().statusCode(201)
                .extract().jsonPath().getMap("", String.class, String.class);
    }

    /** Creates a REST API; returns its id. */
    public static String createApi(Signed developer, String tenantId, String name) {
        return developer.call().body(Map.of("name", name, "kind", "REST"))
                .post("/v1/tenants/{t}/apis", tenantId).then().statusCode(201).extract().path("id");
    }

    /** Creates a route answered by an HTTP proxy to the URL; returns its id. */
    public static String createProxyRoute(Signed developer, String tenantId, String apiId, String method, String path,
                                          String uri) {
        return developer.call().body(Map.of("method", method, "path", path,
                        "integration", Map.of("type", "HTTP_PROXY", "uri", uri)))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenantId, apiId).then().statusCode(201).extract().path("id");
    }

    /** Deploys the API as it is now; returns the deployment id. */
    public static String deploy(Signed developer, String tenantId, String apiId) {
        return developer.call().body(Map.of("description", "test deployment"))
                .post("/v1/tenants/{t}/apis/{a}/deployments", tenantId, apiId).then().statusCode(201).extract().path("id");
    }

    /** Creates a usage plan covering the API's stage, with a throttle and a daily quota; returns its id. */
    public static String createUsagePlan(Signed developer, String tenantId, String name, String apiId, String stage) {
        return developer.call().body(Map.of("name", name, "throttle", Map.of("rateLimit", 10, "burstLimit", 20),
                        "quota", Map.of("limit", 1000, "period", "DAY"),
                        "stages", java.util.List.of(Map.of("apiId", apiId, "stage", stage))))
                .post("/v1/tenants/{t}/usage-plans", tenantId).then().statusCode(201).extract().path("id");
    }

    /** Creates an API key with a generated value linked to the plans; returns {id, value, prefix, …}. */
    public static Map<String, Object> createApiKey(Signed developer, String tenantId, String name, String... planIds) {
        return developer.call().body(Map.of("name", name, "usagePlanIds", java.util.List.of(planIds)))
                .post("/v1/tenants/{t}/api-keys", tenantId).then().statusCode(201)
                .extract().jsonPath().getMap("");
    }
}
