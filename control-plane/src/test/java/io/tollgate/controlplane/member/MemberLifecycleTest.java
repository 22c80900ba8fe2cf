package io.tollgate.controlplane.member;

import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.invite;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.memberId;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.TenantApi.Signed;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberLifecycleTest {

    @Test
    void an_invited_person_joins_on_their_next_request_with_the_invited_role() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Invites");
        Signed invitee = signUp("invitee");
        owner.call().body(Map.of("email", invitee.email().toUpperCase(), "role", "developer"))
                .post("/v1/tenants/{t}/invitations", tenant).then().statusCode(201)
                .body("email", equalTo(invitee.email()))
                .body("role", equalTo("developer"))
                .body("expiresAt", notNullValue());
        owner.call().get("/v1/tenants/{t}/invitations", tenant).then().statusCode(200)
                .body("items.email", contains(invitee.email()));
        owner.call().get("/v1/tenants/{t}/members", tenant).then().body("items", hasSize(1));

        invitee.call().get("/v1/tenants").then().statusCode(200)
                .body("items.id", contains(tenant))
                .body("items[0].role", equalTo("developer"));

        owner.call().get("/v1/tenants/{t}/members", tenant).then()
                .body("items.email", containsInAnyOrder(owner.email(), invitee.email()));
        owner.call().get("/v1/tenants/{t}/invitations", tenant).then().body("items", empty());
    }

    @Test
    void an_invitation_is_not_accepted_by_someone_with_another_email() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Private");
        invite(owner, tenant, "someone-else@example.test", "admin");
        Signed stranger = signUp("stranger");
        stranger.call().get("/v1/tenants").then().body("items", empty());
        stranger.call().get("/v1/tenants/{t}", tenant).then().statusCode(404);
        owner.call().get("/v1/tenants/{t}/invitations", tenant).then().body("items", hasSize(1));
    }

    @Test
    void a_revoked_invitation_is_never_accepted() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Revoked invites");
        Signed invitee = signUp("invitee");
        String invitation = invite(owner, tenant, invitee.email(), "viewer");
        owner.call().delete("/v1/tenants/{t}/invitations/{i}", tenant, invitation).then().statusCode(204);
        invitee.call().get("/v1/tenants").then().body("items", empty());
    }

    @Test
    void inviting_an_existing_member_or_inviting_twice_conflicts() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Twice");
        owner.call().body(Map.of("email", owner.email(), "role", "viewer"))
                .post("/v1/tenants/{t}/invitations", tenant).then().statusCode(409)
                .body("type", equalTo("https://tollgate.dev/problems/conflict"));
        invite(owner, tenant, "twice@example.test", "viewer");
        owner.call().body(Map.of("email", "twice@example.test", "role", "admin"))
                .post("/v1/tenants/{t}/invitations", tenant).then().statusCode(409);
    }

    @Test
    void an_admin_changes_a_members_role_with_if_match() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Roles");
        Signed admin = join(owner, tenant, "admin", "admin");
        Signed dev = join(owner, tenant, "viewer", "dev");
        String devId = memberId(owner, tenant, dev);
        String etag = admin.call().get("/v1/tenants/{t}/members/{m}", tenant, devId).then().statusCode(200)
                .body("role", equalTo("viewer")).extract().header("ETag");
        admin.call().header("If-Match", etag).body(Map.of("role", "developer"))
                .patch("/v1/tenants/{t}/members/{m}", tenant, devId).then().statusCode(200)
                .body("role", equalTo("developer"))
                .header("ETag", "\"1\"");
        dev.call().get("/v1/tenants").then().body("items[0].role", equalTo("developer"));
    }

    @Test
    void a_stale_if_match_on_a_role_change_answers_412_and_changes_nothing() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Stale");
        Signed member = join(owner, tenant, "viewer", "member");
        String id = memberId(owner, tenant, member);
        String etag = owner.call().get("/v1/tenants/{t}/members/{m}", tenant, id).then().extract().header("ETag");
        owner.call().header("If-Match", etag).body(Map.of("role", "developer"))
                .patch("/v1/tenants/{t}/members/{m}", tenant, id).then().statusCode(200);
        owner.call().header("If-Match", etag).body(Map.of("role", "admin"))
                .patch("/v1/tenants/{t}/members/{m}", tenant, id).then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tollgate.dev/problems/precondition-failed"));
        owner.call().get("/v1/tenants/{t}/members/{m}", tenant, id).then().body("role", equalTo("developer"));
    }

    @Test
    void the_last_owner_can_neither_be_demoted_nor_removed() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Last owner");
        String ownerId = memberId(owner, tenant, owner);
        owner.call().body(Map.of("role", "admin")).patch("/v1/tenants/{t}/members/{m}", tenant, ownerId).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://tollgate.dev/problems/conflict"))
                .body("detail", equalTo(MembershipRules.Refusal.LAST_OWNER.reason()));
        owner.call().delete("/v1/tenants/{t}/members/{m}", tenant, ownerId).then().statusCode(409);
        owner.call().get("/v1/tenants/{t}/members/{m}", tenant, ownerId).then().statusCode(200).body("role", equalTo("owner"));
    }

    @Test
    void an_owner_steps_down_once_another_owner_exists() {
        Signed first = signUp("first");
        String tenant = createTenant(first, "Handover");
        Signed second = join(first, tenant, "owner", "second");
        first.call().body(Map.of("role", "admin"))
                .patch("/v1/tenants/{t}/members/{m}", tenant, memberId(first, tenant, first)).then().statusCode(200);
        second.call().body(Map.of("role", "viewer"))
                .patch("/v1/tenants/{t}/members/{m}", tenant, memberId(second, tenant, second)).then().statusCode(409);
    }

    @Test
    void admin_cannot_remove_or_demote_an_owner_nor_make_owners() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Protected owners");
        Signed admin = join(owner, tenant, "admin", "admin");
        Signed viewer = join(owner, tenant, "viewer", "viewer");
        String ownerId = memberId(owner, tenant, owner);
        admin.call().delete("/v1/tenants/{t}/members/{m}", tenant, ownerId).then().statusCode(403)
                .body("type", equalTo("https://tollgate.dev/problems/forbidden"));
        admin.call().body(Map.of("role", "viewer")).patch("/v1/tenants/{t}/members/{m}", tenant, ownerId).then().statusCode(403);
        admin.call().body(Map.of("role", "owner"))
                .patch("/v1/tenants/{t}/members/{m}", tenant, memberId(owner, tenant, viewer)).then().statusCode(403);
        admin.call().body(Map.of("email", "boss@example.test", "role", "owner"))
                .post("/v1/tenants/{t}/invitations", tenant).then().statusCode(403);
        owner.call().get("/v1/tenants/{t}/members/{m}", tenant, ownerId).then().body("role", equalTo("owner"));
    }

    @Test
    void a_removed_member_loses_access_to_the_tenant() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Removal");
        Signed leaver = join(owner, tenant, "developer", "leaver");
        owner.call().delete("/v1/tenants/{t}/members/{m}", tenant, memberId(owner, tenant, leaver)).then().statusCode(204);
        leaver.call().get("/v1/tenants/{t}", tenant).then().statusCode(404);
        leaver.call().get("/v1/tenants").then().body("items", empty());
        owner.call().get("/v1/tenants/{t}/members", tenant).then().body("items.email", contains(owner.email()));
    }

    @Test
    void viewer_cannot_invite_members() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Viewer");
        Signed viewer = join(owner, tenant, "viewer", "viewer");
        viewer.call().get("/v1/tenants/{t}/members", tenant).then().statusCode(200).body("items", hasSize(2));
        viewer.call().body(Map.of("email", "friend@example.test", "role", "viewer"))
                .post("/v1/tenants/{t}/invitations", tenant).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tollgate.dev/problems/forbidden"))
                .body("detail", notNullValue());
        owner.call().get("/v1/tenants/{t}/invitations", tenant).then().body("items", empty());
    }

    @Test
    void developer_cannot_change_roles_or_remove_members() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Developer");
        Signed dev = join(owner, tenant, "developer", "dev");
        Signed viewer = join(owner, tenant, "viewer", "viewer");
        String viewerId = memberId(owner, tenant, viewer);
        dev.call().body(Map.of("role", "developer")).patch("/v1/tenants/{t}/members/{m}", tenant, viewerId).then().statusCode(403);
        dev.call().delete("/v1/tenants/{t}/members/{m}", tenant, viewerId).then().statusCode(403);
        dev.call().get("/v1/tenants/{t}/access-tokens", tenant).then().statusCode(403);
        owner.call().get("/v1/tenants/{t}/members/{m}", tenant, viewerId).then().statusCode(200).body("role", equalTo("viewer"));
    }

    @Test
    void pages_members_with_a_cursor() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Many");
        Signed second = join(owner, tenant, "viewer", "second");
        Signed third = join(owner, tenant, "viewer", "third");
        String cursor = owner.call().get("/v1/tenants/{t}/members?limit=2", tenant).then().statusCode(200)
                .body("items.email", contains(owner.email(), second.email()))
                .extract().path("nextCursor");
        owner.call().queryParam("cursor", cursor).queryParam("limit", 2).get("/v1/tenants/{t}/members", tenant).then()
                .body("items.email", contains(third.email()))
                .body("nextCursor", nullValue());
    }
}
