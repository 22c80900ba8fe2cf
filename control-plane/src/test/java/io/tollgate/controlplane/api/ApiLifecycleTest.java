package io.tollgate.controlplane.api;

import static io.tollgate.controlplane.TenantApi.createApi;
import static io.tollgate.controlplane.TenantApi.createProxyRoute;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.TenantApi.Signed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** APIs, their routes and authorizers, driven through the tenant API with real Keycloak tokens. */
@QuarkusTest
class ApiLifecycleTest {

    private static final String VALIDATION = "https://tollgate.dev/problems/validation";
    private static final String CONFLICT = "https://tollgate.dev/problems/conflict";

    @Test
    void a_developer_creates_reads_replaces_lists_and_deletes_an_api() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "APIs");
        Signed developer = join(owner, tenant, "developer", "dev");
        Map<String, Object> body = Map.of("name", "Pets", "description", "The pet store", "kind", "rest",
                "cors", Map.of("allowOrigins", List.of("https://app.example.test"), "allowMethods", List.of("GET"),
                        "maxAgeSeconds", 600),
                "gatewayResponses", Map.of("THROTTLED", Map.of("statusCode", 429, "bodyTemplate", "{\"message\":\"slow down\"}")),
                "models", Map.of("Pet", Map.of("type", "object", "required", List.of("name"))));
        var created = developer.call().body(body).post("/v1/tenants/{t}/apis", tenant).then().statusCode(201)
                .header("ETag", "\"0\"").header("Location", containsString("/apis/"))
                .body("kind", equalTo("REST")).body("apiKeySource", equalTo("HEADER"))
                .body("models.Pet.required", contains("name"))
                .body("gatewayResponses.THROTTLED.statusCode", equalTo(429)).extract();
        String api = created.path("id");

        developer.call().get("/v1/tenants/{t}/apis/{a}", tenant, api).then().statusCode(200)
                .body("name", equalTo("Pets")).body("cors.maxAgeSeconds", equalTo(600));
        developer.call().header("If-Match", "\"0\"").body(Map.of("name", "Pets v2", "kind", "HTTP"))
                .put("/v1/tenants/{t}/apis/{a}", tenant, api).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Pets v2")).body("kind", equalTo("HTTP"));
        developer.call().header("If-Match", "\"0\"").body(Map.of("name", "stale", "kind", "REST"))
                .put("/v1/tenants/{t}/apis/{a}", tenant, api).then().statusCode(412);
        developer.call().get("/v1/tenants/{t}/apis", tenant).then().statusCode(200).body("items.name", contains("Pets v2"));
        owner.call().get("/v1/tenants/{t}/audit-log", tenant).then()
                .body("items.action", hasItem("api.created")).body("items.action", hasItem("api.updated"));

        developer.call().delete("/v1/tenants/{t}/apis/{a}", tenant, api).then().statusCode(204);
        developer.call().get("/v1/tenants/{t}/apis/{a}", tenant, api).then().statusCode(404);
    }

    @Test
    void every_invalid_api_field_is_listed_in_one_problem() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Invalid APIs");
        owner.call().body(Map.of("name", " ", "kind", "SOAP", "apiKeySource", "COOKIE",
                        "cors", Map.of("allowOrigins", List.of("*"), "allowCredentials", true, "maxAgeSeconds", 100000),
                        "gatewayResponses", Map.of("throttled", Map.of("statusCode", 99)),
                        "models", Map.of("Pet", "not a schema", "bad name", Map.of())))
                .post("/v1/tenants/{t}/apis", tenant).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(VALIDATION))
                .body("violations.field", containsInAnyOrder("name", "kind", "apiKeySource", "cors.allowCredentials",
                        "cors.maxAgeSeconds", "gatewayResponses.throttled", "gatewayResponses.throttled.statusCode",
                        "models.Pet", "models.bad name"));
    }

    @Test
    void a_model_that_is_not_json_schema_of_its_dialect_is_refused_with_the_meta_schema_violations() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Models");
        owner.call().body(Map.of("name", "Shop", "kind", "REST", "models", Map.of(
                        "Pet", Map.of("type", "objekt"),
                        "Book", Map.of("$schema", "https://json-schema.org/draft/2020-12/schema", "prefixItems",
                                List.of(Map.of("type", "string"))))))
                .post("/v1/tenants/{t}/apis", tenant).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(VALIDATION))
                .body("violations.field", contains("models.Pet", "models.Pet"))
                .body("violations.message", hasItem(containsString("is not a valid JSON Schema: /type: does not have a value "
                        + "in the enumeration")));
    }

    @Test
    void a_viewer_reads_apis_but_cannot_write_them() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Read only");
        String api = createApi(owner, tenant, "Pets");
        Signed viewer = join(owner, tenant, "viewer", "viewer");
        viewer.call().get("/v1/tenants/{t}/apis/{a}", tenant, api).then().statusCode(200);
        viewer.call().get("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(200);
        viewer.call().body(Map.of("name", "Mine", "kind", "REST")).post("/v1/tenants/{t}/apis", tenant).then().statusCode(403)
                .body("type", equalTo("https://tollgate.dev/problems/forbidden"));
        viewer.call().body(Map.of("name", "Mine", "kind", "REST")).put("/v1/tenants/{t}/apis/{a}", tenant, api).then()
                .statusCode(403);
        viewer.call().delete("/v1/tenants/{t}/apis/{a}", tenant, api).then().statusCode(403);
        viewer.call().body(Map.of("method", "GET", "path", "/x", "integration", Map.of("type", "MOCK", "statusCode", 200)))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(403);
        viewer.call().body(Map.of("name", "jwt", "type", "JWT", "issuer", "https://id.example.test",
                        "jwksUri", "https://id.example.test/jwks"))
                .post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(403);
        viewer.call().post("/v1/tenants/{t}/apis/{a}/deployments", tenant, api).then().statusCode(403);
        viewer.call().body(Map.of("deploymentId", "x")).put("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then()
                .statusCode(403);
        viewer.call().delete("/v1/tenants/{t}/apis/{a}/stages/prod", tenant, api).then().statusCode(403);
    }

    @Test
    void routes_of_each_integration_kind_are_created_replaced_and_deleted() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Routes");
        Signed developer = join(owner, tenant, "developer", "dev");
        String api = createApi(developer, tenant, "Pets");
        String jwt = developer.call().body(Map.of("name", "keycloak", "type", "JWT", "issuer", "https://id.example.test/realms/x",
                        "audiences", List.of("pets"), "jwksUri", "https://id.example.test/realms/x/certs"))
                .post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(201)
                .body("type", equalTo("JWT")).extract().path("id");

        String proxy = developer.call().body(Map.of("method", "get", "path", "/pets/{id}",
                        "authorization", Map.of("type", "JWT", "authorizerId", jwt, "scopes", List.of("pets:read")),
                        "integration", Map.of("type", "HTTP_PROXY", "uri", "http://${stageVariables.host}/pets/{id}",
                                "targets", List.of(Map.of("url", "http://10.0.0.1:8080", "weight", 3),
                                        Map.of("url", "http://10.0.0.2:8080")),
                                "loadBalancing", "LEAST_OUTSTANDING_REQUESTS",
                                "healthCheck", Map.of("path", "/health", "intervalSeconds", 10, "timeoutMillis", 500,
                                        "healthyThreshold", 2, "unhealthyThreshold", 3))))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(201)
                .body("method", equalTo("GET")).body("integration.timeoutMillis", equalTo(29000))
                .body("authorization.apiKeyRequired", equalTo(false)).extract().path("id");
        developer.call().body(Map.of("method", "POST", "path", "/pets",
                        "authorization", Map.of("type", "API_KEY"),
                        "integration", Map.of("type", "HTTP", "method", "put", "uri", "https://backend.example.test/pets",
                                "requestParameters", Map.of("integration.request.header.x-tenant", "'acme'"),
                                "timeoutMillis", 5000)))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(201)
                .body("integration.method", equalTo("PUT")).body("authorization.apiKeyRequired", equalTo(true));
        developer.call().body(Map.of("method", "GET", "path", "/health",
                        "integration", Map.of("type", "MOCK", "statusCode", 200, "headers", Map.of("Content-Type", "text/plain"),
                                "body", "ok")))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(201)
                .body("authorization.type", equalTo("NONE"));
        String function = developer.call().body(Map.of("method", "ANY", "path", "/fn/{proxy+}",
                        "integration", Map.of("type", "FUNCTION", "uri", "https://fn.example.test/invoke", "payloadFormatVersion", "1.0")))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(201)
                .body("integration.payloadFormatVersion", equalTo("1.0")).extract().path("id");
        developer.call().get("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(200).body("items", hasSize(4));

        developer.call().header("If-Match", "\"0\"").body(Map.of("method", "GET", "path", "/pets/{petId}",
                        "integration", Map.of("type", "HTTP_PROXY", "uri", "https://backend.example.test/pets/{petId}")))
                .put("/v1/tenants/{t}/apis/{a}/routes/{r}", tenant, api, proxy).then().statusCode(200)
                .header("ETag", "\"1\"").body("path", equalTo("/pets/{petId}"));
        developer.call().header("If-Match", "\"0\"").body(Map.of("method", "GET", "path", "/pets/{petId}",
                        "integration", Map.of("type", "MOCK", "statusCode", 204)))
                .put("/v1/tenants/{t}/apis/{a}/routes/{r}", tenant, api, proxy).then().statusCode(412);
        developer.call().delete("/v1/tenants/{t}/apis/{a}/routes/{r}", tenant, api, function).then().statusCode(204);
        developer.call().get("/v1/tenants/{t}/apis/{a}/routes/{r}", tenant, api, function).then().statusCode(404);
    }

    @Test
    void a_route_with_the_same_method_and_path_shape_conflicts_with_409() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Conflicts");
        String api = createApi(owner, tenant, "Pets");
        createProxyRoute(owner, tenant, api, "GET", "/pets/{id}", "https://backend.example.test/pets/{id}");
        owner.call().body(Map.of("method", "GET", "path", "/pets/{petId}", "integration", Map.of("type", "MOCK", "statusCode", 200)))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(CONFLICT))
                .body("detail", containsString("GET /pets/{id}"));
        // Another method, or ANY, on the same path is a different route.
        createProxyRoute(owner, tenant, api, "DELETE", "/pets/{petId}", "https://backend.example.test/pets/{petId}");
        createProxyRoute(owner, tenant, api, "ANY", "/pets/{petId}", "https://backend.example.test/pets/{petId}");
        // Replacing a route into the shape of another conflicts too.
        String other = createProxyRoute(owner, tenant, api, "GET", "/toys/{id}", "https://backend.example.test/toys/{id}");
        owner.call().body(Map.of("method", "GET", "path", "/pets/{x}", "integration", Map.of("type", "MOCK", "statusCode", 200)))
                .put("/v1/tenants/{t}/apis/{a}/routes/{r}", tenant, api, other).then().statusCode(409);
    }

    @Test
    void invalid_paths_and_methods_are_rejected_per_field() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Paths");
        String api = createApi(owner, tenant, "Pets");
        for (String path : List.of("pets", "/pets//toys", "/{proxy+}/toys", "/pets/{id}/{id}", "/pets/{id", "/pets/")) {
            owner.call().body(Map.of("method", "GET", "path", path, "integration", Map.of("type", "MOCK", "statusCode", 200)))
                    .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                    .body("violations.field", contains("path"));
        }
        owner.call().body(Map.of("method", "FETCH", "path", "/pets", "integration", Map.of("type", "MOCK", "statusCode", 200)))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                .body("violations.field", contains("method"));
    }

    @Test
    void integration_fields_are_validated_for_their_kind() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Integrations");
        String api = createApi(owner, tenant, "Pets");
        owner.call().body(Map.of("method", "GET", "path", "/pets/{id}",
                        "integration", Map.of("type", "HTTP_PROXY", "uri", "ftp://backend/{name}", "timeoutMillis", 30000,
                                "statusCode", 200, "targets", List.of(Map.of("url", "nope", "weight", 0)),
                                "loadBalancing", "RANDOM", "healthCheck", Map.of("path", "health", "intervalSeconds", 0))))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("integration.uri", "integration.timeoutMillis",
                        "integration.statusCode", "integration.targets[0].url", "integration.targets[0].weight",
                        "integration.loadBalancing", "integration.healthCheck.path", "integration.healthCheck.intervalSeconds",
                        "integration.healthCheck.timeoutMillis", "integration.healthCheck.healthyThreshold",
                        "integration.healthCheck.unhealthyThreshold"));
        owner.call().body(Map.of("method", "GET", "path", "/a", "integration", Map.of("type", "MOCK", "statusCode", 700)))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                .body("violations.field", contains("integration.statusCode"));
        owner.call().body(Map.of("method", "GET", "path", "/b",
                        "integration", Map.of("type", "FUNCTION", "uri", "https://fn.example.test", "payloadFormatVersion", "3.0",
                                "timeoutMillis", 10)))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("integration.payloadFormatVersion", "integration.timeoutMillis"));
        owner.call().body(Map.of("method", "GET", "path", "/c", "integration", Map.of("type", "SOAP")))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                .body("violations.field", contains("integration.type"));
        owner.call().body(Map.of("method", "GET", "path", "/d"))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                .body("violations.field", contains("integration"));
    }

    @Test
    void authorization_and_validation_must_name_what_the_api_defines() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Authorization");
        String api = owner.call().body(Map.of("name", "Pets", "kind", "REST", "models", Map.of("Pet", Map.of("type", "object"))))
                .post("/v1/tenants/{t}/apis", tenant).then().statusCode(201).extract().path("id");
        String request = owner.call().body(Map.of("name", "custom", "type", "REQUEST", "uri", "https://auth.example.test/check",
                        "identitySources", List.of("$request.header.Authorization")))
                .post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(201)
                .body("resultTtlSeconds", equalTo(300)).extract().path("id");
        Map<String, Object> mock = Map.of("type", "MOCK", "statusCode", 200);
        owner.call().body(Map.of("method", "GET", "path", "/a", "integration", mock,
                        "authorization", Map.of("type", "JWT", "authorizerId", request, "scopes", List.of("read")),
                        "validation", Map.of("bodyModel", "Toy")))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("authorization.authorizerId", "validation.bodyModel"));
        owner.call().body(Map.of("method", "GET", "path", "/b", "integration", mock,
                        "authorization", Map.of("type", "REQUEST", "scopes", List.of("read"))))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("authorization.authorizerId", "authorization.scopes"));
        owner.call().body(Map.of("method", "GET", "path", "/c", "integration", mock,
                        "authorization", Map.of("type", "REQUEST", "authorizerId", request),
                        "validation", Map.of("bodyModel", "Pet", "requiredHeaders", List.of("x-request-id"))))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(201)
                .body("validation.requiredHeaders", contains("x-request-id"));
        // An authorizer in use cannot be deleted.
        owner.call().delete("/v1/tenants/{t}/apis/{a}/authorizers/{z}", tenant, api, request).then().statusCode(409);
    }

    @Test
    void authorizers_are_validated_per_type_and_named_uniquely() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Authorizers");
        String api = createApi(owner, tenant, "Pets");
        owner.call().body(Map.of("name", "bad name!", "type", "JWT", "issuer", "not a url", "uri", "https://x.example.test"))
                .post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("name", "issuer", "jwksUri", "uri"));
        owner.call().body(Map.of("name", "req", "type", "REQUEST", "uri", "https://auth.example.test",
                        "identitySources", List.of("header.Authorization"), "resultTtlSeconds", 3601))
                .post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("identitySources[0]", "resultTtlSeconds"));
        owner.call().body(Map.of("name", "x", "type", "OAUTH"))
                .post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(400)
                .body("violations.field", contains("type"));
        Map<String, Object> jwt = Map.of("name", "kc", "type", "JWT", "issuer", "https://id.example.test",
                "jwksUri", "https://id.example.test/certs");
        String id = owner.call().body(jwt).post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(201)
                .body("audiences", hasSize(0)).extract().path("id");
        owner.call().body(jwt).post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(409);
        owner.call().header("If-Match", "\"0\"").body(Map.of("name", "kc", "type", "REQUEST", "uri", "https://a.example.test"))
                .put("/v1/tenants/{t}/apis/{a}/authorizers/{z}", tenant, api, id).then().statusCode(400)
                .body("violations.field", contains("type"));
        owner.call().header("If-Match", "\"0\"").body(Map.of("name", "kc2", "type", "JWT", "issuer", "https://id2.example.test",
                        "jwksUri", "https://id2.example.test/certs"))
                .put("/v1/tenants/{t}/apis/{a}/authorizers/{z}", tenant, api, id).then().statusCode(200)
                .body("issuer", equalTo("https://id2.example.test")).header("ETag", "\"1\"");
        owner.call().get("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().body("items.name", contains("kc2"));
        owner.call().delete("/v1/tenants/{t}/apis/{a}/authorizers/{z}", tenant, api, id).then().statusCode(204);
        owner.call().get("/v1/tenants/{t}/apis/{a}/authorizers/{z}", tenant, api, id).then().statusCode(404)
                .body("detail", notNullValue());
    }
}
