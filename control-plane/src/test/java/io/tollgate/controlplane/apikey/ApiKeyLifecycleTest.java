package io.tollgate.controlplane.apikey;

import static io.tollgate.controlplane.TenantApi.createApi;
import static io.tollgate.controlplane.TenantApi.createApiKey;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.createUsagePlan;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.TenantApi.Signed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys through the tenant API, with real tokens. */
@QuarkusTest
class ApiKeyLifecycleTest {

    @Test
    void a_generated_key_value_is_shown_once_at_creation_and_never_again() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Keys");
        Signed developer = join(owner, tenant, "developer", "dev");
        String api = createApi(developer, tenant, "Pets");
        String plan = createUsagePlan(developer, tenant, "Gold", api, "prod");
        Map<String, Object> created = developer.call().body(Map.of("name", "partner", "usagePlanIds", List.of(plan)))
                .post("/v1/tenants/{t}/api-keys", tenant).then().statusCode(201).header("ETag", "\"0\"")
                .body("enabled", equalTo(true)).body("imported", equalTo(false)).body("usagePlanIds", contains(plan))
                .body("expiresAt", nullValue())
                .extract().jsonPath().getMap("");
        String value = (String) created.get("value");
        String id = (String) created.get("id");
        assertTrue(value.matches("tgk_[A-Za-z0-9_-]{43}"), value);
        assertEquals(value.substring(0, 12), created.get("prefix"));

        String one = developer.call().get("/v1/tenants/{t}/api-keys/{k}", tenant, id).then().statusCode(200)
                .body("$", not(hasKey("value"))).body("prefix", equalTo(created.get("prefix"))).extract().asString();
        String list = developer.call().get("/v1/tenants/{t}/api-keys", tenant).then().statusCode(200)
                .body("items.id", contains(id)).body("items[0]", not(hasKey("value"))).extract().asString();
        String patched = developer.call().body(Map.of("name", "renamed")).patch("/v1/tenants/{t}/api-keys/{k}", tenant, id)
                .then().statusCode(200).body("$", not(hasKey("value"))).extract().asString();
        String audit = owner.call().get("/v1/tenants/{t}/audit-log", tenant).then().statusCode(200).extract().asString();
        for (String body : List.of(one, list, patched, audit)) {
            assertFalse(body.contains(value.substring(12)), "the secret part of the value appears again: " + body);
        }
    }

    @Test
    void an_imported_key_value_is_not_echoed_and_cannot_be_imported_twice() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Imports");
        String value = "legacy-" + java.util.UUID.randomUUID();
        String created = owner.call().body(Map.of("name", "from the old gateway", "value", value))
                .post("/v1/tenants/{t}/api-keys", tenant).then().statusCode(201)
                .body("$", not(hasKey("value"))).body("imported", equalTo(true)).body("prefix", equalTo("lega"))
                .extract().asString();
        assertFalse(created.contains(value));
        owner.call().body(Map.of("name", "again", "value", value)).post("/v1/tenants/{t}/api-keys", tenant).then()
                .statusCode(409).body("type", equalTo("https://tollgate.dev/problems/conflict"));
        owner.call().get("/v1/tenants/{t}/api-keys", tenant).then().body("items", hasSize(1));
    }

    @Test
    void a_key_is_disabled_renamed_relinked_and_deleted_with_if_match() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Key changes");
        Signed developer = join(owner, tenant, "developer", "dev");
        String api = createApi(developer, tenant, "Pets");
        String gold = createUsagePlan(developer, tenant, "Gold", api, "prod");
        String free = createUsagePlan(developer, tenant, "Free", api, "prod");
        String key = (String) createApiKey(developer, tenant, "partner", gold).get("id");
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        developer.call().header("If-Match", "\"0\"").body(Map.of("enabled", false, "expiresAt", expiry.toString()))
                .patch("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(200).header("ETag", "\"1\"")
                .body("enabled", equalTo(false)).body("name", equalTo("partner")).body("usagePlanIds", contains(gold))
                .body("expiresAt", equalTo(expiry.toString()));
        developer.call().header("If-Match", "\"0\"").body(Map.of("enabled", true))
                .patch("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(412);
        developer.call().header("If-Match", "\"1\"").body(Map.of("name", "partner v2", "usagePlanIds", List.of(free, gold)))
                .put("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("partner v2")).body("enabled", equalTo(true)).body("expiresAt", nullValue())
                .body("usagePlanIds", contains(free, gold));
        developer.call().get("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(200).header("ETag", "\"2\"");

        developer.call().header("If-Match", "\"1\"").delete("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(412);
        developer.call().header("If-Match", "\"2\"").delete("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(204);
        developer.call().get("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(404);
        owner.call().get("/v1/tenants/{t}/audit-log", tenant).then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("api_key.created", "api_key.updated", "api_key.deleted"));
    }

    @Test
    void every_invalid_api_key_field_is_listed_in_one_problem() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Bad keys");
        Signed stranger = signUp("stranger");
        String otherTenant = createTenant(stranger, "Elsewhere");
        String foreignPlan = createUsagePlan(stranger, otherTenant, "Not yours", createApi(stranger, otherTenant, "X"), "prod");
        owner.call().body(Map.of("name", " ", "expiresAt", Instant.now().minusSeconds(5).toString(),
                        "usagePlanIds", List.of(foreignPlan, "not-a-plan"), "value", "short"))
                .post("/v1/tenants/{t}/api-keys", tenant).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("name", "expiresAt", "usagePlanIds[0]", "usagePlanIds[1]", "value"));
        owner.call().get("/v1/tenants/{t}/api-keys", tenant).then().body("items", hasSize(0));

        String key = (String) createApiKey(owner, tenant, "ok").get("id");
        owner.call().body(Map.of("expiresAt", Instant.now().minusSeconds(5).toString(), "usagePlanIds", List.of(foreignPlan)))
                .patch("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("expiresAt", "usagePlanIds[0]"));
        owner.call().body(Map.of("enabled", false)).put("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(400)
                .body("violations.field", contains("name"));
        owner.call().get("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().header("ETag", "\"0\"").body("enabled", equalTo(true));
    }
}
