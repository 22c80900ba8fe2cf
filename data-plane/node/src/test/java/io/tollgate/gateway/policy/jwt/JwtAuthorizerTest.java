package io.tollgate.gateway.policy.jwt;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.AuthorizerConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.GatewayNode;
import io.tollgate.gateway.TestPublisher;
import io.tollgate.gateway.EchoUpstream;
import io.tollgate.gateway.config.TestConfigs;
import io.tollgate.runtime.testing.KeycloakUsers;
import io.tollgate.runtime.testing.RealServices;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * JWT authorizers end to end: the deployment on the real Kafka topic, tokens issued by the real
 * Keycloak (RS256) and by a local ES256 issuer, requests through the node.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, initArgs = @ResourceArg(name = "services", value = "keycloak"),
        restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAuthorizerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    GatewayNode node;

    private final String tenant = "t-" + UUID.randomUUID();
    private final String api = "j" + UUID.randomUUID().toString().substring(0, 8);
    private final String shortClient = "gw-short-" + UUID.randomUUID().toString().substring(0, 8);
    private TestPublisher publisher;
    private EchoUpstream upstream;
    private LocalIssuer local;
    private KeycloakUsers keycloak;
    private KeycloakUsers.Person person;
    private String keycloakUrl;
    private String realmUrl;

    @BeforeAll
    void publish() throws Exception {
        upstream = new EchoUpstream();
        local = new LocalIssuer();
        keycloak = KeycloakUsers.fromTestConfig();
        person = keycloak.create("jwt");
        keycloakUrl = ConfigProvider.getConfig().getValue(RealServices.KEYCLOAK_URL, String.class);
        realmUrl = keycloakUrl + "/realms/tollgate";
        String certs = realmUrl + "/protocol/openid-connect/certs";
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort() + "/jwks";
        }
        publisher = new TestPublisher(bootstrapServers);
        publisher.publish(new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE),
                new DeploymentConfig("d-" + api, tenant, 2, api, 1, DeploymentConfig.ApiKind.HTTP, null, List.of(
                        route("/me", "kc", List.of(), proxy(upstream.baseUrl() + "/me")),
                        route("/scoped", "kc", List.of("tollgate:admin", "email"), mock()),
                        route("/admin", "kc", List.of("tollgate:admin"), mock()),
                        route("/foreign", "kc-other-audience", List.of(), mock()),
                        route("/strict", "kc-no-skew", List.of(), mock()),
                        route("/lenient", "kc", List.of(), mock()),
                        route("/local", "local", List.of("pets:read"), proxy(upstream.baseUrl() + "/local")),
                        route("/hanging", "hanging", List.of(), mock()),
                        route("/unreachable", "unreachable", List.of(), mock()),
                        route("/mapped", "kc", List.of(), new IntegrationConfig.Http(null, upstream.baseUrl() + "/mapped",
                                Map.of("integration.request.header.x-user", "context.authorizer.claims.preferred_username",
                                        "integration.request.header.x-sub", "$context.authorizer.jwt.claims.sub"), Map.of(), Map.of(), 0)),
                        TestConfigs.proxyRoute("GET", "/open", upstream.baseUrl() + "/open", 0)),
                        List.of(new AuthorizerConfig.Jwt("kc", "keycloak", realmUrl, List.of("tollgate-api"), certs),
                                new AuthorizerConfig.Jwt("kc-other-audience", "keycloak", realmUrl, List.of("another-api"), certs),
                                new AuthorizerConfig.Jwt("kc-no-skew", "keycloak", realmUrl, List.of("tollgate-api"), certs, null, 0),
                                new AuthorizerConfig.Jwt("local", "local", local.issuer(), List.of("pets"), local.url() + "/jwks"),
                                new AuthorizerConfig.Jwt("hanging", "hanging", local.issuer(), List.of(), local.url() + "/hang"),
                                new AuthorizerConfig.Jwt("unreachable", "unreachable", local.issuer(), List.of(), closed)),
                        Map.of(), null, Map.of()),
                TestConfigs.stage("s-" + api, tenant, api, "prod", "d-" + api, 3, Map.of()));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (gateway().get("/prod/open").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway did not serve the API within 30 s");
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    void close() throws Exception {
        publisher.close();
        upstream.close();
        local.close();
    }

    private static RouteConfig route(String path, String authorizer, List<String> scopes, IntegrationConfig integration) {
        return new RouteConfig("r" + path, "GET", path, new AuthorizationConfig(AuthorizationConfig.Type.JWT, authorizer, scopes, false),
                integration, null);
    }

    private static IntegrationConfig proxy(String uri) {
        return new IntegrationConfig.HttpProxy(uri, List.of(), null, null, 0);
    }

    private static IntegrationConfig mock() {
        return new IntegrationConfig.Mock(200, Map.of(), "allowed");
    }

    private RequestSpecification gateway() {
        return given().baseUri(ConfigProvider.getConfig().getValue("test.url", String.class)).header("Host", api + ".gateway.localhost");
    }

    private RequestSpecification bearer(String token) {
        return gateway().header("Authorization", "Bearer " + token);
    }

    @Test
    void a_keycloak_token_reaches_the_upstream_with_the_callers_identity_in_headers() {
        String token = keycloak.token(person);
        JsonObject echo = new JsonObject(bearer(token).get("/prod/me").then().statusCode(200).extract().asString());
        JsonObject headers = echo.getJsonObject("headers");
        String sub = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8)).getString("sub");
        assertEquals(sub, headers.getString("x-tollgate-authorizer-principal"));
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(headers.getString("x-tollgate-authorizer-claims")),
                StandardCharsets.UTF_8));
        assertEquals(person.username(), claims.getString("preferred_username"));
        assertEquals(realmUrl, claims.getString("iss"));
        assertEquals("Bearer " + token, headers.getString("authorization"), "the token itself goes on, as the cloud gateway does");
    }

    @Test
    void claims_are_available_to_parameter_mapping() {
        JsonObject echo = new JsonObject(bearer(keycloak.token(person)).get("/prod/mapped").then().statusCode(200).extract().asString());
        assertEquals(person.username(), echo.getJsonObject("headers").getString("x-user"));
        assertTrue(echo.getJsonObject("headers").getString("x-sub").matches("[0-9a-f-]{36}"));
    }

    @Test
    void rejects_a_request_without_a_token_with_401() {
        gateway().get("/prod/me").then().statusCode(401).body("type", equalTo("UNAUTHORIZED"))
                .header("www-authenticate", equalTo("Bearer"));
        gateway().header("Authorization", "Bearer ").get("/prod/me").then().statusCode(401);
    }

    @Test
    void rejects_a_tampered_or_malformed_token_with_401() {
        String token = keycloak.token(person);
        String[] parts = token.split("\\.");
        JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        payload.put("preferred_username", "someone-else");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.encode().getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        bearer(tampered).get("/prod/me").then().statusCode(401).body("type", equalTo("UNAUTHORIZED"))
                .header("www-authenticate", containsString("invalid_token"));
        bearer("not-a-jwt").get("/prod/me").then().statusCode(401);
        // alg none must never pass
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        bearer(none).get("/prod/me").then().statusCode(401);
    }

    @Test
    void rejects_a_token_for_another_audience_with_401() {
        bearer(keycloak.token(person)).get("/prod/foreign").then().statusCode(401).body("type", equalTo("UNAUTHORIZED"));
    }

    @Test
    void a_token_needs_one_of_the_routes_scopes_else_403() {
        String token = keycloak.token(person); // Keycloak grants "openid email profile"
        bearer(token).get("/prod/scoped").then().statusCode(200).body(equalTo("allowed"));
        bearer(token).get("/prod/admin").then().statusCode(403).body("type", equalTo("FORBIDDEN"))
                .header("www-authenticate", containsString("insufficient_scope"));
    }

    @Test
    void an_expired_token_is_refused_unless_within_the_allowed_clock_skew() throws Exception {
        String token = shortLivedToken();
        bearer(token).get("/prod/strict").then().statusCode(200);
        // the token lives 5 s (1 s failed on a loaded machine: it had expired before the first call); wait past its exp
        long exp = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8)).getLong("exp");
        Thread.sleep(Math.max(0, exp * 1000 + 1_500 - System.currentTimeMillis()));
        bearer(token).get("/prod/strict").then().statusCode(401).body("type", equalTo("UNAUTHORIZED"));
        bearer(token).get("/prod/lenient").then().statusCode(200); // 60 s of skew by default
    }

    @Test
    void es256_tokens_of_another_issuer_with_scp_and_scope_claims() throws Exception {
        bearer(local.token("svc-1", "pets", "pets:read pets:write")).get("/prod/local").then().statusCode(200)
                .body("headers.x-tollgate-authorizer-principal", equalTo("svc-1"));
        bearer(local.token("svc-1", "pets", "pets:write")).get("/prod/local").then().statusCode(403);
        bearer(local.token("svc-1", "cats", "pets:read")).get("/prod/local").then().statusCode(401);
        // a Keycloak token is not one of this issuer's
        bearer(keycloak.token(person)).get("/prod/local").then().statusCode(401);
    }

    @Test
    void unknown_key_ids_refetch_the_key_set_at_most_once_per_interval() throws Exception {
        bearer(local.token("svc-2", "pets", "pets:read")).get("/prod/local").then().statusCode(200);
        Thread.sleep(2_100); // past the minimum interval between fetches (2 s in tests)
        List<String> forged = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            forged.add(local.token("svc-2", "pets", "pets:read", "made-up-" + i));
        }
        int before = local.fetches();
        long start = System.nanoTime();
        for (String token : forged) {
            bearer(token).get("/prod/local").then().statusCode(401);
        }
        long intervals = (System.nanoTime() - start) / 2_000_000_000L; // 2 s between fetches in tests
        int fetched = local.fetches() - before;
        assertTrue(fetched >= 1 && fetched <= 1 + intervals, "20 unknown key ids in " + intervals + " intervals, fetched " + fetched);
        bearer(local.token("svc-2", "pets", "pets:read")).get("/prod/local").then().statusCode(200);
    }

    @Test
    void a_rotated_keycloak_key_is_fetched_when_a_token_names_it() throws Exception {
        bearer(keycloak.token(person)).get("/prod/me").then().statusCode(200);
        String oldKid = kid(keycloak.token(person));
        String component = addKeycloakSigningKey();
        try {
            String rotated = keycloak.token(person);
            assertNotEquals(oldKid, kid(rotated), "Keycloak signs with the new key");
            Thread.sleep(2_100); // past the minimum interval between fetches
            long before = node.jwks().fetches();
            bearer(rotated).get("/prod/me").then().statusCode(200);
            assertEquals(1, node.jwks().fetches() - before);
        } finally {
            admin("DELETE", "/admin/realms/tollgate/components/" + component, null);
        }
    }

    @Test
    void a_key_set_that_cannot_be_had_is_an_authorizer_failure_not_a_hang() throws Exception {
        String token = local.token("svc-3", "pets", "pets:read");
        long start = System.nanoTime();
        bearer(token).get("/prod/hanging").then().statusCode(500).body("type", equalTo("AUTHORIZER_FAILURE"));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= 2_500 && tookMillis < 10_000, "answered after the 3 s timeout, took " + tookMillis);
        bearer(token).get("/prod/unreachable").then().statusCode(500).body("type", equalTo("AUTHORIZER_FAILURE"));
    }

    @Test
    void clients_cannot_forge_the_authorizer_headers() {
        gateway().header("x-tollgate-authorizer-principal", "admin").header("x-tollgate-authorizer-claims", "e30")
                .get("/prod/open").then().statusCode(200)
                .body("headers.x-tollgate-authorizer-principal", nullValue())
                .body("headers.x-tollgate-authorizer-claims", nullValue());
    }

    private static String kid(String token) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8)).getString("kid");
    }

    /** A public client whose access tokens live five seconds, with the API audience. */
    private String shortLivedToken() throws Exception {
        admin("POST", "/admin/realms/tollgate/clients", new JsonObject().put("clientId", shortClient).put("publicClient", true)
                .put("directAccessGrantsEnabled", true).put("attributes", new JsonObject().put("access.token.lifespan", "5"))
                .put("protocolMappers", new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", "audience")
                        .put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper")
                        .put("config", new JsonObject().put("included.client.audience", "tollgate-api").put("access.token.claim", "true")))));
        String form = "grant_type=password&client_id=" + shortClient + "&username=" + person.username() + "&password=" + person.password();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body()).getString("access_token");
    }

    /** A new RSA signing key of higher priority than the realm's: Keycloak signs new tokens with it. */
    private String addKeycloakSigningKey() throws Exception {
        String realmId = new JsonObject(admin("GET", "/admin/realms/tollgate", null).body()).getString("id");
        HttpResponse<String> created = admin("POST", "/admin/realms/tollgate/components", new JsonObject()
                .put("name", "rotated-" + UUID.randomUUID()).put("providerId", "rsa-generated")
                .put("providerType", "org.keycloak.keys.KeyProvider").put("parentId", realmId)
                .put("config", new JsonObject().put("priority", new io.vertx.core.json.JsonArray().add("1000"))
                        .put("algorithm", new io.vertx.core.json.JsonArray().add("RS256"))));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> admin(String method, String path, JsonObject body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloakUrl + path))
                .header("authorization", "Bearer " + keycloak.adminToken()).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, method + " " + path + ": " + response.statusCode() + " " + response.body());
        return response;
    }
}
