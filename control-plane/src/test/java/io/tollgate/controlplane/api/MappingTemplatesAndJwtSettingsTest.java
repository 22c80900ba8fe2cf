package io.tollgate.controlplane.api;

import static io.tollgate.controlplane.TenantApi.createApi;
import static io.tollgate.controlplane.TenantApi.createTenant;
import static io.tollgate.controlplane.TenantApi.join;
import static io.tollgate.controlplane.TenantApi.signUp;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.TenantApi.Signed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Body mapping templates of HTTP integrations and the JWT authorizer's identity source and clock skew,
 * through the tenant API with real Keycloak tokens on real PostgreSQL.
 */
@QuarkusTest
class MappingTemplatesAndJwtSettingsTest {

    private static final String VALIDATION = "https://tollgate.dev/problems/validation";

    @Test
    void http_routes_store_request_and_response_templates_by_content_type() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Templates");
        Signed developer = join(owner, tenant, "developer", "dev");
        String api = createApi(developer, tenant, "Pets");

        String route = developer.call().body(Map.of("method", "POST", "path", "/pets",
                        "integration", Map.of("type", "HTTP", "uri", "https://backend.example.test/pets",
                                "requestTemplates", Map.of("Application/JSON", "{\"pet\": $input.json('$')}"),
                                "responseTemplates", Map.of("application/xml", "{\"name\": \"$input.path('$.name')\"}"))))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(201)
                .body("integration.requestTemplates", equalTo(Map.of("application/json", "{\"pet\": $input.json('$')}")))
                .extract().path("id");
        developer.call().get("/v1/tenants/{t}/apis/{a}/routes/{r}", tenant, api, route).then().statusCode(200)
                .body("integration.responseTemplates", equalTo(Map.of("application/xml", "{\"name\": \"$input.path('$.name')\"}")));

        developer.call().header("If-Match", "\"0\"").body(Map.of("method", "POST", "path", "/pets",
                        "integration", Map.of("type", "HTTP", "uri", "https://backend.example.test/pets",
                                "responseTemplates", Map.of("text/plain", "$input.body"))))
                .put("/v1/tenants/{t}/apis/{a}/routes/{r}", tenant, api, route).then().statusCode(200)
                .body("integration.requestTemplates", nullValue())
                .body("integration.responseTemplates", equalTo(Map.of("text/plain", "$input.body")));
    }

    @Test
    void invalid_templates_are_listed_in_one_problem() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "Bad templates");
        String api = createApi(owner, tenant, "Pets");
        Map<String, String> responseTemplates = new HashMap<>();
        responseTemplates.put("application/json", "x".repeat(65_537));
        responseTemplates.put("text/html; charset=utf-8", "<p/>");
        owner.call().body(Map.of("method", "POST", "path", "/pets",
                        "integration", Map.of("type", "HTTP", "uri", "https://backend.example.test/pets",
                                "requestTemplates", Map.of("json", "{}"), "responseTemplates", responseTemplates)))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(VALIDATION))
                .body("violations.field", containsInAnyOrder("integration.requestTemplates.json",
                        "integration.responseTemplates.application/json",
                        "integration.responseTemplates.text/html; charset=utf-8"));
        owner.call().body(Map.of("method", "GET", "path", "/p",
                        "integration", Map.of("type", "HTTP_PROXY", "uri", "https://backend.example.test",
                                "responseTemplates", Map.of("application/json", "{}"))))
                .post("/v1/tenants/{t}/apis/{a}/routes", tenant, api).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("integration.responseTemplates"));
    }

    @Test
    void jwt_authorizers_store_identity_source_and_clock_skew_with_defaults() {
        Signed owner = signUp("owner");
        String tenant = createTenant(owner, "JWT settings");
        String api = createApi(owner, tenant, "Pets");
        owner.call().body(Map.of("name", "defaults", "type", "JWT", "issuer", "https://id.example.test",
                        "jwksUri", "https://id.example.test/certs"))
                .post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(201)
                .body("identitySource", equalTo("$request.header.Authorization")).body("clockSkewSeconds", equalTo(60));
        String custom = owner.call().body(Map.of("name", "custom", "type", "JWT", "issuer", "https://id.example.test",
                        "jwksUri", "https://id.example.test/certs", "identitySource", "$request.querystring.access_token",
                        "clockSkewSeconds", 0))
                .post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(201).extract().path("id");
        owner.call().get("/v1/tenants/{t}/apis/{a}/authorizers/{z}", tenant, api, custom).then().statusCode(200)
                .body("identitySource", equalTo("$request.querystring.access_token")).body("clockSkewSeconds", equalTo(0));

        owner.call().body(Map.of("name", "bad", "type", "JWT", "issuer", "https://id.example.test",
                        "jwksUri", "https://id.example.test/certs", "identitySource", "$request.path.token", "clockSkewSeconds", 601))
                .post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("identitySource", "clockSkewSeconds"));
        owner.call().body(Map.of("name", "req", "type", "REQUEST", "uri", "https://auth.example.test",
                        "identitySource", "$request.header.Authorization", "clockSkewSeconds", 5))
                .post("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("identitySource", "clockSkewSeconds"));
        owner.call().get("/v1/tenants/{t}/apis/{a}/authorizers", tenant, api).then().statusCode(200)
                .body("items.name", containsInAnyOrder("defaults", "custom"))
                .body("items.find { it.name == 'custom' }.identitySources", nullValue());
    }
}
