package io.tollgate.controlplane.access;

import static io.tollgate.controlplane.TenantApi.as;
import static io.tollgate.controlplane.TenantApi.createAccessToken;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.invite;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.memberId;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.controlplane.TenantApi.Signed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * An owner of tenant A calls every tenant-scoped endpoint on tenant B: each answers 404 with the same
 * problem a missing tenant gets, leaks nothing of B, and changes nothing in B.
 */
@QuarkusTest
class CrossTenantIsolationTest {

    private record Call(String name, Function<RequestSpecification, Response> send) {
    }

    private static List<Call> everyEndpoint(String b, String memberOfB, String invitationOfB, String tokenOfB) {
        Map<String, Object> invitation = Map.of("email", "intruder@example.test", "role", "admin");
        Map<String, Object> token = Map.of("name", "stolen", "role", "admin", "expiresAt", Instant.now().plusSeconds(600).toString());
        return List.of(
                new Call("get tenant", r -> r.get("/v1/tenants/{t}", b)),
                new Call("rename tenant", r -> r.body(Map.of("name", "pwned")).patch("/v1/tenants/{t}", b)),
                new Call("list members", r -> r.get("/v1/tenants/{t}/members", b)),
                new Call("get member", r -> r.get("/v1/tenants/{t}/members/{m}", b, memberOfB)),
                new Call("change role", r -> r.body(Map.of("role", "viewer")).patch("/v1/tenants/{t}/members/{m}", b, memberOfB)),
                new Call("remove member", r -> r.delete("/v1/tenants/{t}/members/{m}", b, memberOfB)),
                new Call("list invitations", r -> r.get("/v1/tenants/{t}/invitations", b)),
                new Call("invite", r -> r.body(invitation).post("/v1/tenants/{t}/invitations", b)),
                new Call("revoke invitation", r -> r.delete("/v1/tenants/{t}/invitations/{i}", b, invitationOfB)),
                new Call("list access tokens", r -> r.get("/v1/tenants/{t}/access-tokens", b)),
                new Call("get access token", r -> r.get("/v1/tenants/{t}/access-tokens/{a}", b, tokenOfB)),
                new Call("create access token", r -> r.body(token).post("/v1/tenants/{t}/access-tokens", b)),
                new Call("revoke access token", r -> r.delete("/v1/tenants/{t}/access-tokens/{a}", b, tokenOfB)),
                new Call("audit log", r -> r.get("/v1/tenants/{t}/audit-log", b)));
    }

    @Test
    void a_member_of_another_tenant_gets_404_and_no_data_from_every_endpoint() {
        Signed ownerA = signUp("owner-a");
        createTenant(ownerA, "Tenant A");
        Signed ownerB = signUp("owner-b");
        String b = createTenant(ownerB, "Secret Tenant B");
        String memberOfB = memberId(ownerB, b, ownerB);
        String invitationOfB = invite(ownerB, b, "b-guest@example.test", "viewer");
        String tokenOfB = createAccessToken(ownerB, b, "admin").get("id");
        String missingTenantBody = ownerA.call().get("/v1/tenants/{t}", UUID.randomUUID()).then().statusCode(404)
                .extract().asString();

        for (Call call : everyEndpoint(b, memberOfB, invitationOfB, tokenOfB)) {
            Response response = call.send().apply(ownerA.call());
            assertEquals(404, response.statusCode(), call.name());
            assertEquals("application/problem+json", response.contentType(), call.name());
            String body = response.asString();
            assertEquals(missingTenantBody, body, call.name() + " must look exactly like a missing tenant");
            for (String secret : List.of("Secret Tenant B", memberOfB, invitationOfB, tokenOfB, ownerB.email())) {
                assertFalse(body.contains(secret), call.name() + " leaked " + secret);
            }
        }
        assertTenantBUnchanged(ownerB, b, tokenOfB);
    }

    @Test
    void an_access_token_of_another_tenant_gets_404_from_every_endpoint() {
        Signed ownerA = signUp("owner-a");
        String a = createTenant(ownerA, "Tenant A");
        String tokenOfA = createAccessToken(ownerA, a, "admin").get("token");
        Signed ownerB = signUp("owner-b");
        String b = createTenant(ownerB, "Secret Tenant B");
        String memberOfB = memberId(ownerB, b, ownerB);
        String invitationOfB = invite(ownerB, b, "b-guest@example.test", "viewer");
        String tokenOfB = createAccessToken(ownerB, b, "admin").get("id");

        for (Call call : everyEndpoint(b, memberOfB, invitationOfB, tokenOfB)) {
            Response response = call.send().apply(as(tokenOfA));
            assertEquals(404, response.statusCode(), call.name());
            assertFalse(response.asString().contains("Secret Tenant B"), call.name());
        }
        assertTenantBUnchanged(ownerB, b, tokenOfB);
    }

    @Test
    void an_unknown_or_malformed_tenant_id_answers_404() {
        Signed someone = signUp("someone");
        someone.call().get("/v1/tenants/{t}/members", UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://tollgate.dev/problems/not-found"));
        someone.call().get("/v1/tenants/not-a-uuid/members").then().statusCode(404);
    }

    @Test
    void a_member_of_both_tenants_sees_only_the_requested_tenants_resources() {
        Signed ownerA = signUp("owner-a");
        String a = createTenant(ownerA, "A");
        Signed ownerB = signUp("owner-b");
        String b = createTenant(ownerB, "B");
        Signed both = join(ownerA, a, "admin", "both");
        invite(ownerB, b, both.email(), "viewer");
        both.call().get("/v1/tenants").then().body("items", hasSize(2));
        String memberOfB = memberId(ownerB, b, ownerB);
        // B's membership id through A's path: scoped queries find nothing.
        both.call().get("/v1/tenants/{t}/members/{m}", a, memberOfB).then().statusCode(404);
        both.call().body(Map.of("role", "viewer")).patch("/v1/tenants/{t}/members/{m}", a, memberOfB).then().statusCode(404);
        ownerB.call().get("/v1/tenants/{t}/members/{m}", b, memberOfB).then().body("role", equalTo("owner"));
    }

    private static void assertTenantBUnchanged(Signed ownerB, String b, String tokenOfB) {
        ownerB.call().get("/v1/tenants/{t}", b).then().statusCode(200).body("name", equalTo("Secret Tenant B"));
        ownerB.call().get("/v1/tenants/{t}/members", b).then().body("items.email", contains(ownerB.email()))
                .body("items[0].role", equalTo("owner"));
        ownerB.call().get("/v1/tenants/{t}/invitations", b).then().body("items.email", contains("b-guest@example.test"));
        ownerB.call().get("/v1/tenants/{t}/access-tokens", b).then().body("items", hasSize(1))
                .body("items[0].id", equalTo(tokenOfB)).body("items[0].revokedAt", nullValue());
    }
}
