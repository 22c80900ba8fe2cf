package io.tollgate.controlplane.tenant;

import static io.restassured.RestAssured.given;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.TenantApi.Signed;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantResourceTest {

    @Test
    void a_signed_in_person_creates_an_organization_and_becomes_its_owner() {
        Signed alice = signUp("alice");
        var created = alice.call().body(Map.of("name", "  Acme  ")).post("/v1/tenants").then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Acme"))
                .body("role", equalTo("owner"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/v1/tenants/" + id));
        alice.call().get("/v1/tenants").then().statusCode(200).body("items.id", contains(id));
        alice.call().get("/v1/tenants/{t}/members", id).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].email", equalTo(alice.email()))
                .body("items[0].role", equalTo("owner"));
    }

    @Test
    void lists_only_the_organizations_the_caller_belongs_to_with_their_role() {
        Signed alice = signUp("alice");
        Signed bob = signUp("bob");
        String acme = createTenant(alice, "Acme");
        String globex = createTenant(alice, "Globex");
        String bobs = createTenant(bob, "Bob's");
        join(bob, bobs, "viewer", "alice-too");
        alice.call().get("/v1/tenants").then().statusCode(200)
                .body("items.id", contains(acme, globex))
                .body("items.role", contains("owner", "owner"))
                .body("nextCursor", nullValue());
        bob.call().get("/v1/tenants").then().statusCode(200).body("items.id", contains(bobs));
    }

    @Test
    void pages_the_organization_list_with_a_cursor() {
        Signed carol = signUp("carol");
        String first = createTenant(carol, "One");
        String second = createTenant(carol, "Two");
        String third = createTenant(carol, "Three");
        String cursor = carol.call().get("/v1/tenants?limit=2").then().statusCode(200)
                .body("items.id", contains(first, second))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        carol.call().queryParam("limit", 2).queryParam("cursor", cursor).get("/v1/tenants").then().statusCode(200)
                .body("items.id", contains(third))
                .body("nextCursor", nullValue());
    }

    @Test
    void renaming_with_the_current_etag_succeeds_and_a_stale_etag_answers_412() {
        Signed dave = signUp("dave");
        String id = createTenant(dave, "Old name");
        String etag = dave.call().get("/v1/tenants/{t}", id).then().statusCode(200).extract().header("ETag");
        String newEtag = dave.call().header("If-Match", etag).body(Map.of("name", "New name"))
                .patch("/v1/tenants/{t}", id).then().statusCode(200)
                .body("name", equalTo("New name"))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);
        dave.call().header("If-Match", etag).body(Map.of("name", "Lost update"))
                .patch("/v1/tenants/{t}", id).then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tollgate.dev/problems/precondition-failed"))
                .body("status", equalTo(412));
        dave.call().get("/v1/tenants/{t}", id).then().body("name", equalTo("New name")).header("ETag", newEtag);
    }

    @Test
    void viewer_cannot_rename_the_organization() {
        Signed owner = signUp("owner");
        String id = createTenant(owner, "Stable");
        Signed viewer = join(owner, id, "viewer", "viewer");
        viewer.call().get("/v1/tenants/{t}", id).then().statusCode(200).body("role", equalTo("viewer"));
        viewer.call().body(Map.of("name", "Hijacked")).patch("/v1/tenants/{t}", id).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tollgate.dev/problems/forbidden"));
        owner.call().get("/v1/tenants/{t}", id).then().body("name", equalTo("Stable"));
    }

    @Test
    void rejects_an_invalid_organization_with_one_violation_per_field() {
        Signed erin = signUp("erin");
        erin.call().body(Map.of("name", "x".repeat(101))).post("/v1/tenants").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tollgate.dev/problems/validation"))
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("violations.field", contains("name"));
        erin.call().body("{}").post("/v1/tenants").then().statusCode(400)
                .body("violations.field", contains("name"));
        erin.call().get("/v1/tenants").then().body("items", hasSize(0));
    }

    @Test
    void rejects_unreadable_json_and_unknown_enum_values_as_problems() {
        Signed frank = signUp("frank");
        frank.call().body("{\"name\": ").post("/v1/tenants").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tollgate.dev/problems/malformed-request"));
        String id = createTenant(frank, "Enums");
        frank.call().body(Map.of("email", "x@example.test", "role", "superuser"))
                .post("/v1/tenants/{t}/invitations", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("role"))
                .body("violations[0].message", equalTo("must be one of viewer, developer, admin, owner"));
        frank.call().body(Map.of("email", "not-an-email", "role", "admin"))
                .post("/v1/tenants/{t}/invitations", id).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("email"));
    }

    @Test
    void rejects_bad_pagination_parameters_as_violations() {
        Signed gina = signUp("gina");
        gina.call().get("/v1/tenants?limit=0").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("limit"));
        gina.call().get("/v1/tenants?cursor=bogus!").then().statusCode(400).body("violations.field", contains("cursor"));
    }

    @Test
    void answers_problems_for_missing_tokens_and_unknown_paths() {
        given().get("/v1/tenants").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tollgate.dev/problems/unauthenticated"));
        Signed hank = signUp("hank");
        hank.call().get("/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tollgate.dev/problems/not-found"));
    }
}
