package io.tollgate.controlplane.accesstoken;

import static io.restassured.RestAssured.given;
import static io.tollgate.controlplane.TenantApi.as;
import static io.tollgate.controlplane.TenantApi.createAccessToken;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.TenantApi.Signed;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessTokenTest {

    @Inject
    Pool pool;

    @Test
    void the_value_is_shown_once_at_creation_and_never_listed() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Tokens");
        Instant expiry = Instant.now().plus(Duration.ofDays(30));
        var created = owner.call().body(Map.of("name", "GitHub deploy", "role", "developer", "expiresAt", expiry.toString()))
                .post("/v1/tenants/{t}/access-tokens", tenant).then().statusCode(201)
                .body("token", startsWith("tgat_"))
                .body("name", equalTo("GitHub deploy"))
                .body("role", equalTo("developer"))
                .body("createdBy", notNullValue())
                .extract();
        String value = created.path("token");
        String id = created.path("id");
        assertEquals(value.substring(0, 13), created.path("prefix"));
        assertTrue(created.header("Location").endsWith("/access-tokens/" + id));

        String list = owner.call().get("/v1/tenants/{t}/access-tokens", tenant).then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0]", not(hasKey("token")))
                .body("items[0].prefix", equalTo(value.substring(0, 13)))
                .extract().asString();
        assertFalse(list.contains(value.substring(13)), "the secret part never appears again");
        owner.call().get("/v1/tenants/{t}/access-tokens/{a}", tenant, id).then().statusCode(200).body("$", not(hasKey("token")));
    }

    @Test
    void a_token_authenticates_as_its_tenant_with_its_role() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "CI");
        String value = createAccessToken(owner, tenant, "viewer").get("token");
        as(value).get("/v1/tenants/{t}", tenant).then().statusCode(200).body("role", equalTo("viewer"));
        as(value).get("/v1/tenants").then().statusCode(200).body("items.id", contains(tenant));
        as(value).get("/v1/tenants/{t}/members", tenant).then().statusCode(200);
        // viewer cannot write
        as(value).body(Map.of("name", "renamed by ci")).patch("/v1/tenants/{t}", tenant).then().statusCode(403);
        as(value).body(Map.of("email", "x@example.test", "role", "viewer"))
                .post("/v1/tenants/{t}/invitations", tenant).then().statusCode(403);
    }

    @Test
    void an_admin_token_acts_and_is_recorded_as_itself() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Admin CI");
        Map<String, String> token = createAccessToken(owner, tenant, "admin");
        as(token.get("token")).body(Map.of("email", "new@example.test", "role", "developer"))
                .post("/v1/tenants/{t}/invitations", tenant).then().statusCode(201)
                .body("invitedBy", equalTo(token.get("id")));
        owner.call().get("/v1/tenants/{t}/audit-log?limit=1", tenant).then()
                .body("items[0].action", equalTo("invitation.created"))
                .body("items[0].actor.type", equalTo("access_token"))
                .body("items[0].actor.id", equalTo(token.get("id")));
        // Tokens cannot mint tokens nor create organizations.
        as(token.get("token")).body(Map.of("name", "child", "role", "viewer", "expiresAt", Instant.now().plusSeconds(60).toString()))
                .post("/v1/tenants/{t}/access-tokens", tenant).then().statusCode(403);
        as(token.get("token")).body(Map.of("name", "Org by token")).post("/v1/tenants").then().statusCode(403);
    }

    @Test
    void a_revoked_token_answers_401() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Revocation");
        Map<String, String> token = createAccessToken(owner, tenant, "developer");
        as(token.get("token")).get("/v1/tenants/{t}", tenant).then().statusCode(200);
        owner.call().delete("/v1/tenants/{t}/access-tokens/{a}", tenant, token.get("id")).then().statusCode(200)
                .body("revokedAt", notNullValue());
        as(token.get("token")).get("/v1/tenants/{t}", tenant).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo("https://tollgate.dev/problems/unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void an_expired_token_answers_401() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Expiry");
        Map<String, String> token = createAccessToken(owner, tenant, "developer");
        as(token.get("token")).get("/v1/tenants/{t}", tenant).then().statusCode(200);
        // Tokens cannot be created already expired, so let time pass in the database.
        pool.preparedQuery("update access_token set expires_at = now() - interval '1 second' where id = $1")
                .execute(Tuple.of(UUID.fromString(token.get("id")))).await().atMost(Duration.ofSeconds(10));
        as(token.get("token")).get("/v1/tenants/{t}", tenant).then().statusCode(401);
    }

    @Test
    void an_unknown_token_with_our_prefix_answers_401_and_is_not_passed_to_oidc() {
        given().auth().oauth2("tgat_" + "A".repeat(43)).get("/v1/tenants").then().statusCode(401);
    }

    @Test
    void rejects_invalid_token_requests_with_violations() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Invalid tokens");
        owner.call().body(Map.of("name", "past", "role", "viewer", "expiresAt", Instant.now().minusSeconds(60).toString()))
                .post("/v1/tenants/{t}/access-tokens", tenant).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("expiresAt"));
        owner.call().body(Map.of("name", "boss", "role", "owner", "expiresAt", Instant.now().plusSeconds(60).toString()))
                .post("/v1/tenants/{t}/access-tokens", tenant).then().statusCode(400)
                .body("violations.field", contains("role"));
        owner.call().body(Map.of()).post("/v1/tenants/{t}/access-tokens", tenant).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("expiresAt", "name", "role"));
    }

    @Test
    void a_developer_cannot_create_tokens() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Dev tokens");
        Signed dev = join(owner, tenant, "developer", "dev");
        dev.call().body(Map.of("name", "mine", "role", "developer", "expiresAt", Instant.now().plusSeconds(60).toString()))
                .post("/v1/tenants/{t}/access-tokens", tenant).then().statusCode(403);
    }
}
