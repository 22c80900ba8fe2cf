package io.tollgate.controlplane.openapi;

import static io.tollgate.controlplane.TenantApi.createApi;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.signUp;
import static io.tollgate.controlplane.openapi.OpenApiImporterTest.document;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.TenantApi.Signed;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenAPI import, overwrite and export through the tenant API, on real PostgreSQL and Keycloak. */
@QuarkusTest
class OpenApiImportExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String importApi(Signed developer, String tenant, String document, String contentType) {
        return developer.call().contentType(contentType).body(document.getBytes(StandardCharsets.UTF_8))
                .post("/v1/tenants/{t}/apis/import", tenant).then()
                .statusCode(201).extract().path("api.id");
    }

    private static String export(Signed developer, String tenant, String api, String format) {
        return developer.call().accept("*/*").get("/v1/tenants/{t}/apis/{a}/definition?format=" + format, tenant, api).then()
                .statusCode(200).extract().asString();
    }

    @Test
    void a_cloud_gateway_rest_export_becomes_an_api_with_routes_an_authorizer_and_warnings() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Import");
        Signed developer = join(owner, tenant, "developer", "dev");

        var created = developer.call().body(document("rest-api-export.json")).post("/v1/tenants/{t}/apis/import", tenant).then()
                .statusCode(201).header("Location", containsString("/apis/")).header("ETag", "\"0\"")
                .body("api.name", equalTo("PetStoreRest")).body("api.kind", equalTo("REST"))
                .body("api.binaryMediaTypes", equalTo(List.of("image/png", "application/octet-stream")))
                .body("api.cors.allowOrigins", equalTo(List.of("https://shop.example.test")))
                .body("routes", equalTo(5)).body("authorizers", equalTo(1))
                .body("warnings", hasSize(12))
                .body("warnings.path", hasItem("paths./pets/{petId}.get.x-amazon-apigateway-integration.connectionType"))
                .extract();
        String api = created.path("api.id");

        String authorizer = developer.call().get("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].name", equalTo("lambda-token")).body("items[0].type", equalTo("REQUEST"))
                .extract().path("items[0].id");
        developer.call().get("/v1/tenants/{t}/apis/{a}/routes?limit=50", tenant, api).then().statusCode(200)
                .body("items", hasSize(5))
                .body("items.collect { it.method + ' ' + it.path }", containsInAnyOrder("GET /pets", "POST /pets",
                        "GET /pets/{petId}", "GET /health", "ANY /files/{proxy+}"))
                .body("items.find { it.method == 'POST' }.authorization.authorizerId", equalTo(authorizer))
                .body("items.find { it.method == 'POST' }.integration.type", equalTo("FUNCTION"))
                .body("items.find { it.method == 'POST' }.validation.bodyModel", equalTo("NewPet"))
                .body("items.find { it.path == '/health' }.integration.body", equalTo("ok"));
        owner.call().get("/v1/tenants/{t}/audit-log", tenant).then().statusCode(200).body("items.action", hasItem("api.imported"));
    }

    @Test
    void yaml_documents_import_and_export() throws Exception {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "YAML");
        String api = importApi(owner, tenant, document("bookshop-3.1.yaml"), "application/yaml");
        owner.call().get("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(200).body("items", hasSize(3));

        String yaml = export(owner, tenant, api, "yaml");
        JsonNode fromYaml = new YAMLMapper().readTree(yaml);
        assertEquals(JSON.readTree(export(owner, tenant, api, "json")), fromYaml);
        assertEquals("3.1.0", fromYaml.get("openapi").asText(), "its models are JSON Schema 2020-12");
        importApi(owner, tenant, yaml, "text/yaml");
    }

    @Test
    void export_then_import_round_trips_without_loss() throws Exception {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Round trip");
        for (String name : List.of("rest-api-export.json", "http-api-export.json", "bookshop-3.1.yaml", "petstore.json")) {
            String first = importApi(owner, tenant, document(name), name.endsWith(".yaml") ? "application/yaml" : "application/json");
            String exported = export(owner, tenant, first, "json");
            String second = importApi(owner, tenant, exported, "application/json");
            owner.call().body(exported).post("/v1/tenants/{t}/apis/import", tenant).then().statusCode(201)
                    .body("warnings", hasSize(0));
            assertEquals(JSON.readTree(exported), JSON.readTree(export(owner, tenant, second, "json")), name);
            assertEquals(definition(owner, tenant, first), definition(owner, tenant, second), name);
        }
    }

    /** What an API is, without ids and times: its definition, routes (authorizers by name) and authorizers. */
    private static Map<String, Object> definition(Signed reader, String tenant, String api) {
        Map<String, Object> view = new HashMap<>(reader.call().get("/v1/tenants/{t}/apis/{a}", tenant, api).then().extract()
                .jsonPath().getMap(""));
        view.remove("id");
        view.remove("createdAt");
        List<Map<String, Object>> authorizers = reader.call().get("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then()
                .extract().jsonPath().getList("items");
        Map<Object, Object> names = new HashMap<>();
        authorizers.forEach(a -> names.put(a.remove("id"), a.get("name")));
        authorizers.forEach(a -> a.remove("createdAt"));
        List<Map<String, Object>> routes = reader.call().get("/v1/tenants/{t}/apis/{a}/routes?limit=200", tenant, api).then()
                .extract().jsonPath().getList("items");
        routes.forEach(r -> {
            r.remove("id");
            r.remove("createdAt");
            @SuppressWarnings("unchecked")
            Map<String, Object> authorization = (Map<String, Object>) r.get("authorization");
            authorization.computeIfPresent("authorizerId", (k, id) -> names.get(id));
        });
        routes.sort(java.util.Comparator.comparing(r -> r.get("path") + " " + r.get("method")));
        view.put("authorizers", authorizers);
        view.put("routes", routes);
        return view;
    }

    @Test
    void overwriting_replaces_routes_and_authorizers_and_honours_if_match() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Overwrite");
        String api = importApi(owner, tenant, document("rest-api-export.json"), "application/json");

        owner.call().header("If-Match", "\"7\"").body(document("petstore.json"))
                .put("/v1/tenants/{t}/apis/{a}/definition", tenant, api).then().statusCode(412);
        owner.call().header("If-Match", "\"0\"").body(document("petstore.json"))
                .put("/v1/tenants/{t}/apis/{a}/definition", tenant, api).then().statusCode(200).header("ETag", "\"1\"")
                .body("api.id", equalTo(api)).body("api.name", equalTo("Swagger Petstore")).body("routes", equalTo(3));
        owner.call().get("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(200)
                .body("items.path", containsInAnyOrder("/pets", "/pets", "/pets/{petId}"));
        owner.call().get("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(200).body("items", hasSize(0));
        owner.call().get("/v1/tenants/{t}/audit-log", tenant).then().body("items.action", hasItem("api.definition.replaced"));
    }

    @Test
    void an_invalid_document_creates_nothing_and_lists_every_problem() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Invalid");
        String document = document("http-api-export.json").replace("\"type\": \"jwt\"", "\"type\": \"cognito_user_pools\"")
                .replace("https://legacy.example.test/{proxy}", "https://legacy.example.test/{nothing}");
        owner.call().body(document).post("/v1/tenants/{t}/apis/import", tenant).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://tollgate.dev/problems/validation"))
                .body("violations.field", containsInAnyOrder(
                        "components.securitySchemes.orders-jwt.x-amazon-apigateway-authorizer.type",
                        "paths./{proxy+}.x-amazon-apigateway-any-method.x-amazon-apigateway-integration.uri"));
        owner.call().get("/v1/tenants/{t}/apis", tenant).then().statusCode(200).body("items", hasSize(0));

        owner.call().contentType("application/yaml").body("openapi: [".getBytes(StandardCharsets.UTF_8)).post("/v1/tenants/{t}/apis/import", tenant).then()
                .statusCode(400).body("violations[0].field", equalTo("document"));
        owner.call().contentType("application/yaml").body("x".repeat(1_048_577).getBytes(StandardCharsets.UTF_8)).post("/v1/tenants/{t}/apis/import", tenant)
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void only_members_who_may_write_import_and_other_tenants_see_nothing() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Access");
        String api = createApi(owner, tenant, "Pets");
        Signed viewer = join(owner, tenant, "viewer", "viewer");
        viewer.call().body(document("petstore.json")).post("/v1/tenants/{t}/apis/import", tenant).then().statusCode(403);
        viewer.call().body(document("petstore.json")).put("/v1/tenants/{t}/apis/{a}/definition", tenant, api).then().statusCode(403);
        viewer.call().get("/v1/tenants/{t}/apis/{a}/definition", tenant, api).then().statusCode(200)
                .body("info.title", equalTo("Pets"));

        Signed stranger = signUp("stranger");
        String own = createTenant(stranger, "Elsewhere");
        stranger.call().get("/v1/tenants/{t}/apis/{a}/definition", own, api).then().statusCode(404);
        stranger.call().body(document("petstore.json")).put("/v1/tenants/{t}/apis/{a}/definition", own, api).then().statusCode(404);
    }
}
