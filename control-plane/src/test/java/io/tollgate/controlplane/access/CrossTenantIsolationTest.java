package io.tollgate.controlplane.access;

import static io.tollgate.controlplane.TenantApi.as;
import static io.tollgate.controlplane.TenantApi.createAccessToken;
import static io.tollgate.controlplane.TenantApi.createApiKey;
import static io.tollgate.controlplane.TenantApi.createProxyRoute;
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
import java.util.Set;
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

    /** What tenant B holds of the API model, created by its owner. */
    private record ApisOfB(String api, String route, String authorizer, String deployment, String plan, String key,
                           String keyValue, String domain, String hostname, String mapping) {
        static ApisOfB create(Signed ownerB, String b) {
            String api = ownerB.call().body(Map.of("name", "Secret API of B", "kind", "REST"))
                    .post("/v1/tenants/{t}/apis", b).then().statusCode(201).extract().path("id");
            String authorizer = ownerB.call().body(Map.of("name", "b-jwt", "type", "JWT", "issuer", "https://b.example.test",
                            "jwksUri", "https://b.example.test/certs"))
                    .post("/v1/tenants/{t}/apis/{a}/authorizers", b, api).then().statusCode(201).extract().path("id");
            String route = createProxyRoute(ownerB, b, api, "GET", "/secret", "https://secret-b.example.test/x");
            String deployment = ownerB.call().body(Map.of("stageName", "prod"))
                    .post("/v1/tenants/{t}/apis/{a}/deployments", b, api).then().statusCode(201).extract().path("id");
            String plan = ownerB.call().body(Map.of("name", "Secret plan of B", "stages", List.of(Map.of("apiId", api,
                            "stage", "prod"))))
                    .post("/v1/tenants/{t}/usage-plans", b).then().statusCode(201).extract().path("id");
            Map<String, Object> key = createApiKey(ownerB, b, "Secret key of B", plan);
            String hostname = "secret-b-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
            String domain = ownerB.call().body(Map.of("hostname", hostname)).post("/v1/tenants/{t}/domains", b).then()
                    .statusCode(201).extract().path("id");
            String mapping = ownerB.call().body(Map.of("basePath", "secret-base", "apiId", api, "stage", "prod"))
                    .post("/v1/tenants/{t}/domains/{d}/mappings", b, domain).then().statusCode(201).extract().path("id");
            return new ApisOfB(api, route, authorizer, deployment, plan, (String) key.get("id"), (String) key.get("value"),
                    domain, hostname, mapping);
        }
    }

    private static List<Call> apiEndpoints(String b, ApisOfB o) {
        Map<String, Object> api = Map.of("name", "pwned", "kind", "REST");
        Map<String, Object> route = Map.of("method", "GET", "path", "/pwned", "integration", Map.of("type", "MOCK", "statusCode", 200));
        Map<String, Object> authorizer = Map.of("name", "pwned", "type", "JWT", "issuer", "https://evil.example.test",
                "jwksUri", "https://evil.example.test/certs");
        Map<String, Object> stage = Map.of("deploymentId", o.deployment());
        Map<String, Object> plan = Map.of("name", "pwned");
        Map<String, Object> key = Map.of("name", "pwned", "enabled", false);
        Map<String, Object> domain = Map.of("hostname", "pwned.example.test");
        Map<String, Object> certificate = Map.of("chainPem", "x", "privateKeyPem", "y");
        Map<String, Object> mapping = Map.of("basePath", "pwned", "apiId", o.api(), "stage", "prod");
        return List.of(
                new Call("list apis", r -> r.get("/v1/tenants/{t}/apis", b)),
                new Call("get api", r -> r.get("/v1/tenants/{t}/apis/{a}", b, o.api())),
                new Call("create api", r -> r.body(api).post("/v1/tenants/{t}/apis", b)),
                new Call("replace api", r -> r.body(api).put("/v1/tenants/{t}/apis/{a}", b, o.api())),
                new Call("delete api", r -> r.delete("/v1/tenants/{t}/apis/{a}", b, o.api())),
                new Call("list routes", r -> r.get("/v1/tenants/{t}/apis/{a}/routes", b, o.api())),
                new Call("get route", r -> r.get("/v1/tenants/{t}/apis/{a}/routes/{r}", b, o.api(), o.route())),
                new Call("create route", r -> r.body(route).post("/v1/tenants/{t}/apis/{a}/routes", b, o.api())),
                new Call("replace route", r -> r.body(route).put("/v1/tenants/{t}/apis/{a}/routes/{r}", b, o.api(), o.route())),
                new Call("delete route", r -> r.delete("/v1/tenants/{t}/apis/{a}/routes/{r}", b, o.api(), o.route())),
                new Call("list authorizers", r -> r.get("/v1/tenants/{t}/apis/{a}/authorizers", b, o.api())),
                new Call("get authorizer", r -> r.get("/v1/tenants/{t}/apis/{a}/authorizers/{z}", b, o.api(), o.authorizer())),
                new Call("create authorizer", r -> r.body(authorizer).post("/v1/tenants/{t}/apis/{a}/authorizers", b, o.api())),
                new Call("replace authorizer", r -> r.body(authorizer)
                        .put("/v1/tenants/{t}/apis/{a}/authorizers/{z}", b, o.api(), o.authorizer())),
                new Call("delete authorizer", r -> r.delete("/v1/tenants/{t}/apis/{a}/authorizers/{z}", b, o.api(), o.authorizer())),
                new Call("list deployments", r -> r.get("/v1/tenants/{t}/apis/{a}/deployments", b, o.api())),
                new Call("get deployment", r -> r.get("/v1/tenants/{t}/apis/{a}/deployments/{d}", b, o.api(), o.deployment())),
                new Call("create deployment", r -> r.body(Map.of("stageName", "prod"))
                        .post("/v1/tenants/{t}/apis/{a}/deployments", b, o.api())),
                new Call("list stages", r -> r.get("/v1/tenants/{t}/apis/{a}/stages", b, o.api())),
                new Call("get stage", r -> r.get("/v1/tenants/{t}/apis/{a}/stages/prod", b, o.api())),
                new Call("put stage", r -> r.body(stage).put("/v1/tenants/{t}/apis/{a}/stages/prod", b, o.api())),
                new Call("delete stage", r -> r.delete("/v1/tenants/{t}/apis/{a}/stages/prod", b, o.api())),
                new Call("list usage plans", r -> r.get("/v1/tenants/{t}/usage-plans", b)),
                new Call("get usage plan", r -> r.get("/v1/tenants/{t}/usage-plans/{p}", b, o.plan())),
                new Call("create usage plan", r -> r.body(plan).post("/v1/tenants/{t}/usage-plans", b)),
                new Call("replace usage plan", r -> r.body(plan).put("/v1/tenants/{t}/usage-plans/{p}", b, o.plan())),
                new Call("delete usage plan", r -> r.delete("/v1/tenants/{t}/usage-plans/{p}", b, o.plan())),
                new Call("list api keys", r -> r.get("/v1/tenants/{t}/api-keys", b)),
                new Call("get api key", r -> r.get("/v1/tenants/{t}/api-keys/{k}", b, o.key())),
                new Call("create api key", r -> r.body(key).post("/v1/tenants/{t}/api-keys", b)),
                new Call("change api key", r -> r.body(Map.of("enabled", false)).patch("/v1/tenants/{t}/api-keys/{k}", b, o.key())),
                new Call("replace api key", r -> r.body(key).put("/v1/tenants/{t}/api-keys/{k}", b, o.key())),
                new Call("delete api key", r -> r.delete("/v1/tenants/{t}/api-keys/{k}", b, o.key())),
                new Call("list domains", r -> r.get("/v1/tenants/{t}/domains", b)),
                new Call("get domain", r -> r.get("/v1/tenants/{t}/domains/{d}", b, o.domain())),
                new Call("create domain", r -> r.body(domain).post("/v1/tenants/{t}/domains", b)),
                new Call("verify domain", r -> r.post("/v1/tenants/{t}/domains/{d}/verify", b, o.domain())),
                new Call("upload certificate", r -> r.body(certificate).put("/v1/tenants/{t}/domains/{d}/certificate", b, o.domain())),
                new Call("remove certificate", r -> r.delete("/v1/tenants/{t}/domains/{d}/certificate", b, o.domain())),
                new Call("delete domain", r -> r.delete("/v1/tenants/{t}/domains/{d}", b, o.domain())),
                new Call("list mappings", r -> r.get("/v1/tenants/{t}/domains/{d}/mappings", b, o.domain())),
                new Call("get mapping", r -> r.get("/v1/tenants/{t}/domains/{d}/mappings/{m}", b, o.domain(), o.mapping())),
                new Call("create mapping", r -> r.body(mapping).post("/v1/tenants/{t}/domains/{d}/mappings", b, o.domain())),
                new Call("replace mapping", r -> r.body(mapping)
                        .put("/v1/tenants/{t}/domains/{d}/mappings/{m}", b, o.domain(), o.mapping())),
                new Call("delete mapping", r -> r.delete("/v1/tenants/{t}/domains/{d}/mappings/{m}", b, o.domain(), o.mapping())));
    }

    private static List<Call> everyEndpoint(String b, String memberOfB, String invitationOfB, String tokenOfB, ApisOfB apisOfB) {
        List<Call> calls = new java.util.ArrayList<>(tenancyEndpoints(b, memberOfB, invitationOfB, tokenOfB));
        calls.addAll(apiEndpoints(b, apisOfB));
        return calls;
    }

    private static List<Call> tenancyEndpoints(String b, String memberOfB, String invitationOfB, String tokenOfB) {
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
        ApisOfB apisOfB = ApisOfB.create(ownerB, b);
        String missingTenantBody = ownerA.call().get("/v1/tenants/{t}", UUID.randomUUID()).then().statusCode(404)
                .extract().asString();

        for (Call call : everyEndpoint(b, memberOfB, invitationOfB, tokenOfB, apisOfB)) {
            Response response = call.send().apply(ownerA.call());
            assertEquals(404, response.statusCode(), call.name());
            assertEquals("application/problem+json", response.contentType(), call.name());
            String body = response.asString();
            assertEquals(missingTenantBody, body, call.name() + " must look exactly like a missing tenant");
            for (String secret : List.of("Secret Tenant B", memberOfB, invitationOfB, tokenOfB, ownerB.email(),
                    "Secret API of B", "secret-b.example.test", apisOfB.api(), apisOfB.route(), apisOfB.deployment(),
                    "Secret plan of B", "Secret key of B", apisOfB.plan(), apisOfB.key(), apisOfB.keyValue().substring(4),
                    apisOfB.domain(), apisOfB.hostname(), apisOfB.mapping(), "secret-base")) {
                assertFalse(body.contains(secret), call.name() + " leaked " + secret);
            }
        }
        assertTenantBUnchanged(ownerB, b, tokenOfB);
        assertApisOfBUnchanged(ownerB, b, apisOfB);
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
        ApisOfB apisOfB = ApisOfB.create(ownerB, b);

        for (Call call : everyEndpoint(b, memberOfB, invitationOfB, tokenOfB, apisOfB)) {
            Response response = call.send().apply(as(tokenOfA));
            assertEquals(404, response.statusCode(), call.name());
            assertFalse(response.asString().contains("Secret Tenant B"), call.name());
            assertFalse(response.asString().contains("Secret API of B"), call.name());
        }
        assertTenantBUnchanged(ownerB, b, tokenOfB);
        assertApisOfBUnchanged(ownerB, b, apisOfB);
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

    @Test
    void ids_of_another_tenants_api_through_ones_own_tenant_find_nothing() {
        Signed ownerA = signUp("owner-a");
        String a = createTenant(ownerA, "A");
        Signed ownerB = signUp("owner-b");
        String b = createTenant(ownerB, "B");
        ApisOfB apisOfB = ApisOfB.create(ownerB, b);
        // A's own tenant path with B's ids: every query is scoped by tenant, so nothing is found or changed.
        for (Call call : apiEndpoints(a, apisOfB)) {
            // Collections of the tenant itself: A lists and creates in its own tenant, as it may.
            if (Set.of("list apis", "create api", "list usage plans", "create usage plan", "list api keys", "create api key",
                    "list domains", "create domain").contains(call.name())) {
                continue;
            }
            Response response = call.send().apply(ownerA.call());
            assertEquals(404, response.statusCode(), call.name());
            assertFalse(response.asString().contains("Secret API of B"), call.name());
        }
        assertApisOfBUnchanged(ownerB, b, apisOfB);
    }

    private static void assertApisOfBUnchanged(Signed ownerB, String b, ApisOfB o) {
        ownerB.call().get("/v1/tenants/{t}/apis", b).then().body("items.name", contains("Secret API of B"));
        ownerB.call().get("/v1/tenants/{t}/apis/{a}", b, o.api()).then().statusCode(200).header("ETag", "\"0\"");
        ownerB.call().get("/v1/tenants/{t}/apis/{a}/routes", b, o.api()).then().body("items.id", contains(o.route()))
                .body("items[0].path", equalTo("/secret"));
        ownerB.call().get("/v1/tenants/{t}/apis/{a}/authorizers", b, o.api()).then().body("items.id", contains(o.authorizer()))
                .body("items[0].issuer", equalTo("https://b.example.test"));
        ownerB.call().get("/v1/tenants/{t}/apis/{a}/deployments", b, o.api()).then().body("items.id", contains(o.deployment()));
        ownerB.call().get("/v1/tenants/{t}/apis/{a}/stages", b, o.api()).then().body("items.name", contains("prod"))
                .body("items[0].deploymentId", equalTo(o.deployment()));
        ownerB.call().get("/v1/tenants/{t}/usage-plans", b).then().body("items.id", contains(o.plan()))
                .body("items[0].name", equalTo("Secret plan of B"));
        ownerB.call().get("/v1/tenants/{t}/usage-plans/{p}", b, o.plan()).then().statusCode(200).header("ETag", "\"0\"");
        ownerB.call().get("/v1/tenants/{t}/api-keys", b).then().body("items.id", contains(o.key()))
                .body("items[0].enabled", equalTo(true)).body("items[0].usagePlanIds", contains(o.plan()));
        ownerB.call().get("/v1/tenants/{t}/api-keys/{k}", b, o.key()).then().statusCode(200).header("ETag", "\"0\"");
        ownerB.call().get("/v1/tenants/{t}/domains", b).then().body("items.id", contains(o.domain()))
                .body("items[0].hostname", equalTo(o.hostname())).body("items[0].status", equalTo("PENDING_VERIFICATION"));
        ownerB.call().get("/v1/tenants/{t}/domains/{d}", b, o.domain()).then().statusCode(200).header("ETag", "\"0\"");
        ownerB.call().get("/v1/tenants/{t}/domains/{d}/mappings", b, o.domain()).then().body("items.id", contains(o.mapping()))
                .body("items[0].basePath", equalTo("secret-base"));
        ownerB.call().get("/v1/tenants/{t}/domains/{d}/mappings/{m}", b, o.domain(), o.mapping()).then().statusCode(200)
                .header("ETag", "\"0\"");
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
