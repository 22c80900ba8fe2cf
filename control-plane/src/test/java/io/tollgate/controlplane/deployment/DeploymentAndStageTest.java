package io.tollgate.controlplane.deployment;

import static io.tollgate.controlplane.TenantApi.createApi;
import static io.tollgate.controlplane.TenantApi.createProxyRoute;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.deploy;
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

/** Deployments and stages through the tenant API, with real tokens. */
@QuarkusTest
class DeploymentAndStageTest {

    @Test
    void deployments_are_numbered_per_api_and_editing_the_api_never_changes_a_deployment() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Deploys");
        Signed developer = join(owner, tenant, "developer", "dev");
        String api = createApi(developer, tenant, "Pets");
        String route = createProxyRoute(developer, tenant, api, "GET", "/pets", "https://v1.example.test/pets");
        String first = deploy(developer, tenant, api);
        developer.call().get("/v1/tenants/{t}/apis/{a}/deployments/{d}", tenant, api, first).then().statusCode(200)
                .body("number", equalTo(1)).body("snapshot.routes[0].route.integration.uri", equalTo("https://v1.example.test/pets"));

        developer.call().body(Map.of("method", "GET", "path", "/pets",
                        "integration", Map.of("type", "HTTP_PROXY", "uri", "https://v2.example.test/pets")))
                .put("/v1/tenants/{t}/apis/{a}/routes/{r}", tenant, api, route).then().statusCode(200);
        createProxyRoute(developer, tenant, api, "POST", "/pets", "https://v2.example.test/pets");
        developer.call().body(Map.of("name", "Pets renamed", "kind", "HTTP")).put("/v1/tenants/{t}/apis/{a}", tenant, api)
                .then().statusCode(200);
        String second = developer.call().body(Map.of("description", "v2"))
                .post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api).then().statusCode(201)
                .body("number", equalTo(2)).body("snapshot.routes", hasSize(2)).extract().path("id");

        developer.call().get("/v1/tenants/{t}/apis/{a}/deployments/{d}", tenant, api, first).then().statusCode(200)
                .body("number", equalTo(1))
                .body("snapshot.api.name", equalTo("Pets")).body("snapshot.api.kind", equalTo("REST"))
                .body("snapshot.routes", hasSize(1))
                .body("snapshot.routes[0].route.integration.uri", equalTo("https://v1.example.test/pets"));
        developer.call().get("/v1/tenants/{t}/apis/{a}/deployments", tenant, api).then().statusCode(200)
                .body("items.id", contains(second, first)).body("items.number", contains(2, 1));
        // Numbers are per API: another API starts at 1.
        String other = createApi(developer, tenant, "Toys");
        createProxyRoute(developer, tenant, other, "GET", "/toys", "https://toys.example.test");
        developer.call().post("/v1/tenants/{t}/apis/{a}/deployments", tenant, other).then().statusCode(201)
                .body("number", equalTo(1));
    }

    @Test
    void an_api_without_routes_cannot_be_deployed() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Empty");
        String api = createApi(owner, tenant, "Nothing");
        owner.call().post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api).then().statusCode(409)
                .body("type", equalTo("https://tollgate.dev/problems/conflict")).body("detail", containsString("no routes"));
    }

    @Test
    void a_route_whose_model_was_removed_from_the_api_blocks_deployment_with_a_clear_message() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Models");
        String api = owner.call().body(Map.of("name", "Pets", "kind", "REST", "models", Map.of("Pet", Map.of("type", "object"))))
                .post("/v1/tenants/{t}/apis", tenant).then().statusCode(201).extract().path("id");
        owner.call().body(Map.of("method", "POST", "path", "/pets", "integration", Map.of("type", "MOCK", "statusCode", 201),
                        "validation", Map.of("bodyModel", "Pet")))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(201);
        owner.call().body(Map.of("name", "Pets", "kind", "REST")).put("/v1/tenants/{t}/apis/{a}", tenant, api).then().statusCode(200);
        owner.call().post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api).then().statusCode(409)
                .body("detail", containsString("model Pet"));
    }

    @Test
    void a_stage_is_created_replaced_with_if_match_listed_and_deleted() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Stages");
        Signed developer = join(owner, tenant, "developer", "dev");
        String api = createApi(developer, tenant, "Pets");
        createProxyRoute(developer, tenant, api, "GET", "/pets/{id}", "https://backend.example.test/pets/{id}");
        String first = deploy(developer, tenant, api);
        String second = deploy(developer, tenant, api);
        Map<String, Object> stage = Map.of("deploymentId", first, "variables", Map.of("host", "backend.internal"),
                "throttle", Map.of("rateLimit", 100, "burstLimit", 200),
                "routeThrottles", Map.of("GET /pets/{id}", Map.of("rateLimit", 5.5, "burstLimit", 10)),
                "cache", Map.of("enabled", true, "keyParameters", List.of("method.request.querystring.page")),
                "accessLogging", true,
                "canary", Map.of("percent", 10, "deploymentId", second));
        developer.call().body(stage).put("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(201)
                .header("ETag", "\"0\"").header("Location", containsString("/stages/prod"))
                .body("deploymentId", equalTo(first)).body("cache.ttlSeconds", equalTo(300))
                .body("routeThrottles.'GET /pets/{id}'.rateLimit", equalTo(5.5f))
                .body("canary.percent", equalTo(10.0f));
        developer.call().header("If-Match", "\"0\"").body(Map.of("deploymentId", second))
                .put("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(200)
                .header("ETag", "\"1\"").body("deploymentId", equalTo(second)).body("canary", nullValue());
        developer.call().header("If-Match", "\"0\"").body(Map.of("deploymentId", first))
                .put("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(412);
        developer.call().header("If-Match", "\"3\"").body(Map.of("deploymentId", first))
                .put("/v1/tenants/{t}/apis/{a}/stages/dev", tenant, api).then().statusCode(412);
        developer.call().body(Map.of("deploymentId", first)).put("/v1/tenants/{t}/apis/{a}/stages/dev", tenant, api).then()
                .statusCode(201);
        developer.call().get("/v1/tenants/{t}/apis/{a}/stages", tenant, api).then().statusCode(200)
                .body("items.name", contains("prod", "dev"));
        developer.call().get("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(200)
                .header("ETag", "\"1\"");
        developer.call().delete("/v1/tenants/{t}/apis/{a}/stages/dev", tenant, api).then().statusCode(204);
        developer.call().get("/v1/tenants/{t}/apis/{a}/stages/dev", tenant, api).then().statusCode(404);
    }

    @Test
    void every_invalid_stage_field_is_listed_in_one_problem() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Bad stages");
        String api = createApi(owner, tenant, "Pets");
        createProxyRoute(owner, tenant, api, "GET", "/pets", "https://backend.example.test/pets");
        String deployment = deploy(owner, tenant, api);
        String elsewhere = createApi(owner, tenant, "Other");
        createProxyRoute(owner, tenant, elsewhere, "GET", "/x", "https://backend.example.test/x");
        String foreignDeployment = deploy(owner, tenant, elsewhere);
        owner.call().body(Map.of("deploymentId", deployment, "variables", Map.of("bad name", "x"),
                        "throttle", Map.of("rateLimit", -1, "burstLimit", 2000000),
                        "routeThrottles", Map.of("GET /nope", Map.of("rateLimit", 1, "burstLimit", 1)),
                        "cache", Map.of("enabled", true, "ttlSeconds", 3601),
                        "canary", Map.of("percent", 101, "deploymentId", foreignDeployment)))
                .put("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("variables.bad name", "throttle.rateLimit", "throttle.burstLimit",
                        "routeThrottles.GET /nope", "cache.ttlSeconds", "canary.percent", "canary.deploymentId"));
        owner.call().body(Map.of("deploymentId", "not-a-deployment"))
                .put("/v1/tenants/{t}/apis/{a}/stages/bad.name", tenant, api).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("deploymentId", "name"));
    }

    @Test
    void deploying_with_a_stage_name_creates_the_stage_or_points_it_at_the_new_deployment() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Deploy to stage");
        String api = createApi(owner, tenant, "Pets");
        createProxyRoute(owner, tenant, api, "GET", "/pets", "https://backend.example.test/pets");
        String first = owner.call().body(Map.of("stageName", "prod")).post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api)
                .then().statusCode(201).body("stageName", equalTo("prod")).extract().path("id");
        owner.call().get("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(200)
                .body("deploymentId", equalTo(first));
        owner.call().body(Map.of("deploymentId", first, "variables", Map.of("host", "kept")))
                .put("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(200);
        String second = owner.call().body(Map.of("stageName", "prod")).post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api)
                .then().statusCode(201).extract().path("id");
        owner.call().get("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(200)
                .body("deploymentId", equalTo(second)).body("variables.host", equalTo("kept"));
        // An invalid stage name rolls the whole deployment back.
        owner.call().body(Map.of("stageName", "no/slash")).post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api).then()
                .statusCode(400).body("violations.field", contains("name"));
        owner.call().get("/v1/tenants/{t}/apis/{a}/deployments", tenant, api).then().body("items", hasSize(2));
    }

    @Test
    void deleting_an_api_deletes_its_deployments_and_stages() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Delete");
        String api = createApi(owner, tenant, "Pets");
        createProxyRoute(owner, tenant, api, "GET", "/pets", "https://backend.example.test/pets");
        String deployment = owner.call().body(Map.of("stageName", "prod")).post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api)
                .then().statusCode(201).extract().path("id");
        owner.call().delete("/v1/tenants/{t}/apis/{a}", tenant, api).then().statusCode(204);
        owner.call().get("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(404);
        owner.call().get("/v1/tenants/{t}/apis/{a}/deployments/{d}", tenant, api, deployment).then().statusCode(404);
    }
}
