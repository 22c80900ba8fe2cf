package io.tollgate.controlplane.usageplan;

import static io.tollgate.controlplane.TenantApi.createApi;
import static io.tollgate.controlplane.TenantApi.createApiKey;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.createUsagePlan;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.TenantApi.Signed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Usage plans through the tenant API, with real tokens. */
@QuarkusTest
class UsagePlanLifecycleTest {

    @Test
    void a_usage_plan_is_created_listed_replaced_with_if_match_and_deleted() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Plans");
        Signed developer = join(owner, tenant, "developer", "dev");
        String api = createApi(developer, tenant, "Pets");
        String plan = developer.call().body(Map.of("name", "Gold", "description", "For partners",
                        "throttle", Map.of("rateLimit", 100, "burstLimit", 200),
                        "quota", Map.of("limit", 5000, "period", "month"),
                        "stages", List.of(Map.of("apiId", api, "stage", "prod",
                                "throttle", Map.of("rateLimit", 2.5, "burstLimit", 5)))))
                .post("/v1/tenants/{t}/usage-plans", tenant).then().statusCode(201)
                .header("ETag", "\"0\"").header("Location", containsString("/usage-plans/"))
                .body("name", equalTo("Gold")).body("quota.period", equalTo("MONTH")).body("quota.limit", equalTo(5000))
                .body("stages[0].apiId", equalTo(api)).body("stages[0].throttle.rateLimit", equalTo(2.5f))
                .extract().path("id");
        developer.call().get("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().statusCode(200)
                .header("ETag", "\"0\"").body("description", equalTo("For partners")).body("throttle.burstLimit", equalTo(200));

        developer.call().header("If-Match", "\"0\"").body(Map.of("name", "Gold v2", "stages", List.of(Map.of("apiId", api,
                        "stage", "dev"))))
                .put("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Gold v2")).body("quota", nullValue()).body("throttle", nullValue())
                .body("stages.stage", contains("dev"));
        developer.call().header("If-Match", "\"0\"").body(Map.of("name", "stale"))
                .put("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().statusCode(412);
        String other = createUsagePlan(developer, tenant, "Free", api, "prod");
        developer.call().get("/v1/tenants/{t}/usage-plans", tenant).then().statusCode(200)
                .body("items.id", contains(plan, other)).body("items.name", contains("Gold v2", "Free"));
        developer.call().get("/v1/tenants/{t}/usage-plans?limit=1", tenant).then().statusCode(200)
                .body("items.id", contains(plan)).body("nextCursor", equalTo(io.tollgate.controlplane.web.PageRequest.encode(
                        java.util.UUID.fromString(plan))));

        developer.call().header("If-Match", "\"0\"").delete("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then()
                .statusCode(412);
        developer.call().header("If-Match", "\"1\"").delete("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then()
                .statusCode(204);
        developer.call().get("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().statusCode(404);
        owner.call().get("/v1/tenants/{t}/audit-log", tenant).then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("usage_plan.created", "usage_plan.updated",
                        "usage_plan.deleted"));
    }

    @Test
    void every_invalid_usage_plan_field_is_listed_in_one_problem() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Bad plans");
        String api = createApi(owner, tenant, "Pets");
        Signed stranger = signUp("stranger");
        String otherTenant = createTenant(stranger, "Elsewhere");
        String foreignApi = createApi(stranger, otherTenant, "Not yours");
        owner.call().body(Map.of("name", "", "throttle", Map.of("rateLimit", -1),
                        "quota", Map.of("limit", -1, "period", "YEAR"),
                        "stages", List.of(Map.of("apiId", foreignApi, "stage", "prod"),
                                Map.of("apiId", api, "stage", "no/slash", "throttle", Map.of("rateLimit", 1, "burstLimit", -1)),
                                Map.of("apiId", api, "stage", "prod"), Map.of("apiId", api, "stage", "prod"))))
                .post("/v1/tenants/{t}/usage-plans", tenant).then().statusCode(400)
                .body("type", equalTo("https://tollgate.dev/problems/validation"))
                .body("violations.field", containsInAnyOrder("name", "throttle.rateLimit", "throttle.burstLimit", "quota.limit",
                        "quota.period", "stages[0].apiId", "stages[1].stage", "stages[1].throttle.burstLimit", "stages[3]"));
        owner.call().get("/v1/tenants/{t}/usage-plans", tenant).then().body("items", hasSize(0));
    }

    @Test
    void a_usage_plan_linked_to_a_key_cannot_be_deleted_until_the_key_lets_go() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Linked");
        String api = createApi(owner, tenant, "Pets");
        String plan = createUsagePlan(owner, tenant, "Gold", api, "prod");
        String key = (String) createApiKey(owner, tenant, "partner", plan).get("id");
        owner.call().delete("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().statusCode(409)
                .body("type", equalTo("https://tollgate.dev/problems/conflict")).body("detail", containsString("1 API key"));
        owner.call().body(Map.of("usagePlanIds", List.of())).patch("/v1/tenants/{t}/api-keys/{k}", tenant, key).then()
                .statusCode(200).body("usagePlanIds", hasSize(0));
        owner.call().delete("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().statusCode(204);
    }

    @Test
    void a_viewer_reads_usage_plans_and_api_keys_but_cannot_change_them() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Read only");
        String api = createApi(owner, tenant, "Pets");
        String plan = createUsagePlan(owner, tenant, "Gold", api, "prod");
        String key = (String) createApiKey(owner, tenant, "partner", plan).get("id");
        Signed viewer = join(owner, tenant, "viewer", "viewer");

        viewer.call().get("/v1/tenants/{t}/usage-plans", tenant).then().statusCode(200).body("items.id", contains(plan));
        viewer.call().get("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().statusCode(200);
        viewer.call().get("/v1/tenants/{t}/api-keys", tenant).then().statusCode(200).body("items.id", contains(key));
        viewer.call().get("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(200);
        viewer.call().body(Map.of("name", "mine")).post("/v1/tenants/{t}/usage-plans", tenant).then().statusCode(403);
        viewer.call().body(Map.of("name", "mine")).put("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().statusCode(403);
        viewer.call().delete("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().statusCode(403);
        viewer.call().body(Map.of("name", "mine")).post("/v1/tenants/{t}/api-keys", tenant).then().statusCode(403);
        viewer.call().body(Map.of("enabled", false)).patch("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(403);
        viewer.call().body(Map.of("name", "mine")).put("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(403);
        viewer.call().delete("/v1/tenants/{t}/api-keys/{k}", tenant, key).then().statusCode(403);

        owner.call().get("/v1/tenants/{t}/usage-plans/{p}", tenant, plan).then().header("ETag", "\"0\"").body("name", equalTo("Gold"));
        owner.call().get("/v1/tenants/{t}/api-keys", tenant).then().body("items", hasSize(1))
                .body("items[0].enabled", equalTo(true)).body("items[0].name", equalTo("partner"));
    }
}
