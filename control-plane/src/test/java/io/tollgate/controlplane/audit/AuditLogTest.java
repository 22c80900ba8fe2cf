package io.tollgate.controlplane.audit;

import static io.tollgate.controlplane.TenantApi.createAccessToken;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.invite;
import static io.tollgate.controlplane.TenantApi.memberId;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.TenantApi.Signed;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    @Test
    void every_change_is_recorded_newest_first_with_who_what_and_before_after() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Audited");
        owner.call().body(Map.of("name", "Audited Inc")).patch("/v1/tenants/{t}", tenant).then().statusCode(200);
        Signed joiner = signUp("joiner");
        String revoked = invite(owner, tenant, "nobody@example.test", "viewer");
        owner.call().delete("/v1/tenants/{t}/invitations/{i}", tenant, revoked).then().statusCode(204);
        invite(owner, tenant, joiner.email(), "viewer");
        joiner.call().get("/v1/tenants").then().statusCode(200);
        String joinerId = memberId(owner, tenant, joiner);
        owner.call().body(Map.of("role", "developer")).patch("/v1/tenants/{t}/members/{m}", tenant, joinerId).then().statusCode(200);
        String tokenId = createAccessToken(owner, tenant, "viewer").get("id");
        owner.call().delete("/v1/tenants/{t}/access-tokens/{a}", tenant, tokenId).then().statusCode(200);
        owner.call().delete("/v1/tenants/{t}/members/{m}", tenant, joinerId).then().statusCode(204);

        owner.call().get("/v1/tenants/{t}/audit-log", tenant).then().statusCode(200)
                .body("items.action", contains("member.removed", "access_token.revoked", "access_token.created",
                        "member.role_changed", "invitation.accepted", "invitation.created", "invitation.revoked",
                        "invitation.created", "tenant.updated", "member.added", "tenant.created"))
                .body("items.occurredAt", everyItem(notNullValue()))
                .body("items.find { it.action == 'member.role_changed' }.actor.id", equalTo(owner.call()
                        .get("/v1/me").then().extract().path("subject")))
                .body("items.find { it.action == 'member.role_changed' }.actor.name", equalTo(owner.email()))
                .body("items.find { it.action == 'member.role_changed' }.target.id", equalTo(joinerId))
                .body("items.find { it.action == 'member.role_changed' }.before.role", equalTo("viewer"))
                .body("items.find { it.action == 'member.role_changed' }.after.role", equalTo("developer"))
                .body("items.find { it.action == 'invitation.accepted' }.actor.name", equalTo(joiner.email()))
                .body("items.find { it.action == 'tenant.updated' }.before.name", equalTo("Audited"))
                .body("items.find { it.action == 'tenant.updated' }.after.name", equalTo("Audited Inc"))
                .body("items.find { it.action == 'member.removed' }.after", nullValue())
                .body("items.find { it.action == 'access_token.created' }.after.prefix", notNullValue())
                .body("items.find { it.action == 'access_token.revoked' }.after.revokedAt", notNullValue());
    }

    @Test
    void a_refused_change_leaves_no_audit_entry() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Refusals");
        owner.call().body(Map.of("role", "viewer"))
                .patch("/v1/tenants/{t}/members/{m}", tenant, memberId(owner, tenant, owner)).then().statusCode(409);
        owner.call().get("/v1/tenants/{t}/audit-log", tenant).then()
                .body("items.action", contains("member.added", "tenant.created"));
    }

    @Test
    void pages_the_audit_log_with_a_cursor() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Paged audit");
        owner.call().body(Map.of("name", "Renamed")).patch("/v1/tenants/{t}", tenant).then().statusCode(200);
        String cursor = owner.call().get("/v1/tenants/{t}/audit-log?limit=2", tenant).then()
                .body("items.action", contains("tenant.updated", "member.added"))
                .extract().path("nextCursor");
        owner.call().queryParam("limit", 2).queryParam("cursor", cursor).get("/v1/tenants/{t}/audit-log", tenant).then()
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("tenant.created"))
                .body("nextCursor", nullValue());
    }
}
