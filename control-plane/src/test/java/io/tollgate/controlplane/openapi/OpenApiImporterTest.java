package io.tollgate.controlplane.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.controlplane.api.ApiSpec;
import io.tollgate.controlplane.authorizer.AuthorizerSpec;
import io.tollgate.controlplane.problem.Problem;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.route.RouteSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading OpenAPI documents into APIs, authorizers and routes: pure logic, on documents under test resources. */
class OpenApiImporterTest {

    private static final RouteSpec.Authorization NONE = new RouteSpec.Authorization("NONE", null, List.of(), false);

    static String document(String name) {
        try (InputStream in = OpenApiImporterTest.class.getResourceAsStream("/openapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> warningPaths(ImportedDefinition definition) {
        return definition.warnings().stream().map(ImportWarning::path).toList();
    }

    @Test
    void the_classic_petstore_becomes_three_routes_answered_by_a_mock_until_integrations_are_set() {
        ImportedDefinition petstore = OpenApiImporter.read(document("petstore.json"));

        assertEquals("Swagger Petstore", petstore.api().name());
        assertEquals("REST", petstore.api().kind());
        assertEquals(List.of("Pet", "Pets", "Error"), List.copyOf(petstore.api().models().keySet()));
        RouteSpec.Integration notImplemented = new RouteSpec.Integration("MOCK", null, null, null, null, null, null, null, null,
                null, null, 501, null, "{\"message\":\"Not implemented\"}", null);
        assertEquals(List.of(new RouteSpec("GET", "/pets", NONE, notImplemented, null),
                new RouteSpec("POST", "/pets", NONE, notImplemented, null),
                new RouteSpec("GET", "/pets/{petId}", NONE, notImplemented, null)), petstore.routes());
        assertEquals(List.of("paths./pets.get", "paths./pets.post", "paths./pets/{petId}.get"), warningPaths(petstore));
        assertTrue(petstore.warnings().get(0).message().startsWith("has no x-amazon-apigateway-integration"));
    }

    @Test
    void a_rest_api_exported_by_the_cloud_gateway_keeps_its_integrations_validators_authorizer_and_cors() {
        ImportedDefinition rest = OpenApiImporter.read(document("rest-api-export.json"));

        ApiSpec api = rest.api();
        assertEquals("REST", api.kind());
        assertEquals("HEADER", api.apiKeySource());
        assertEquals(List.of("image/png", "application/octet-stream"), api.binaryMediaTypes());
        assertEquals(new ApiSpec.Cors(List.of("https://shop.example.test"), List.of("GET", "POST", "OPTIONS"),
                List.of("Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key"), null, null, null), api.cors());
        assertEquals(Map.of("THROTTLED", new ApiSpec.GatewayResponse(429, Map.of("Retry-After", "1"), "{\"message\":\"slow down\"}")),
                api.gatewayResponses());
        assertEquals(List.of("NewPet", "Empty"), List.copyOf(api.models().keySet()));
        assertEquals(List.of(new AuthorizerSpec("lambda-token", "REQUEST", null, null, null, "https://auth.example.test/authorize",
                List.of("$request.header.Authorization"), 60, null, null)), rest.authorizers());

        assertEquals(List.of(
                new RouteSpec("GET", "/pets", new RouteSpec.Authorization("API_KEY", null, List.of(), true),
                        new RouteSpec.Integration("HTTP", "http://petstore.example.test/petstore/pets", null, null, null, 10000, "GET",
                                Map.of("integration.request.querystring.type", "method.request.querystring.type",
                                        "integration.request.querystring.page", "method.request.querystring.page"),
                                Map.of("application/json", "{\"type\": \"$input.params('type')\"}"),
                                Map.of("method.response.header.x-source", "integration.response.header.x-backend"),
                                Map.of("application/json", "{\"pets\": $input.json('$.items')}"), null, null, null, null),
                        new RouteSpec.Validation(null, List.of("type"), List.of())),
                new RouteSpec("POST", "/pets", new RouteSpec.Authorization("REQUEST", "lambda-token", List.of(), false),
                        new RouteSpec.Integration("FUNCTION", "https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/"
                                + "arn:aws:lambda:eu-west-1:123456789012:function:CreatePet/invocations", null, null, null, 29000,
                                null, null, null, null, null, null, null, null, "1.0"),
                        new RouteSpec.Validation("NewPet", List.of(), List.of())),
                new RouteSpec("GET", "/pets/{petId}", NONE,
                        RouteSpec.Integration.httpProxy("http://petstore.example.test/petstore/pets/{petId}").withTimeout(29000), null),
                new RouteSpec("GET", "/health", NONE, new RouteSpec.Integration("MOCK", null, null, null, null, null, null, null, null,
                        null, null, 200, Map.of("Content-Type", "text/plain"), "ok", null), null),
                new RouteSpec("ANY", "/files/{proxy+}", NONE,
                        RouteSpec.Integration.httpProxy("https://files.example.test/{proxy}").withTimeout(5000), null)),
                rest.routes());

        assertEquals(List.of(
                "x-amazon-apigateway-minimum-compression-size",
                "x-acme-owner",
                "components.securitySchemes.lambda-token.x-amazon-apigateway-authorizer.identityValidationExpression",
                "paths./pets.get.x-amazon-apigateway-integration.passthroughBehavior",
                "paths./pets.post.x-amazon-apigateway-integration.uri",
                "paths./pets.post.x-amazon-apigateway-integration.passthroughBehavior",
                "paths./pets.post.x-amazon-apigateway-integration.contentHandling",
                "paths./pets.options.x-amazon-apigateway-integration.passthroughBehavior",
                "paths./pets.options",
                "paths./pets/{petId}.get.x-amazon-apigateway-integration.connectionType",
                "paths./pets/{petId}.get.x-amazon-apigateway-integration.connectionId",
                "paths./pets/{petId}.get.x-amazon-apigateway-integration.cacheKeyParameters"), warningPaths(rest));
        assertEquals("ignored: unknown extension", rest.warnings().get(1).message());
        assertTrue(rest.warnings().get(9).message().contains("VPC links"));
    }

    @Test
    void an_http_api_exported_by_the_cloud_gateway_keeps_its_jwt_authorizer_scopes_and_cors() {
        ImportedDefinition http = OpenApiImporter.read(document("http-api-export.json"));

        assertEquals("HTTP", http.api().kind());
        assertEquals(new ApiSpec.Cors(List.of("https://app.example.test"), List.of("GET", "POST"),
                List.of("authorization", "content-type"), List.of("x-request-id"), true, 600), http.api().cors());
        assertEquals(List.of(new AuthorizerSpec("orders-jwt", "JWT", "https://id.example.test/realms/orders", List.of("orders-api"),
                "https://id.example.test/realms/orders/.well-known/jwks.json", null, null, null, "$request.header.Authorization", 30)), http.authorizers());
        assertEquals(List.of(
                new RouteSpec("GET", "/orders", new RouteSpec.Authorization("JWT", "orders-jwt", List.of("orders:read"), false),
                        new RouteSpec.Integration("FUNCTION", "https://orders-fn.example.test/invoke", null, null, null, 3000, null, null,
                                null, null, null, null, null, null, "2.0"), null),
                new RouteSpec("POST", "/orders", new RouteSpec.Authorization("JWT", "orders-jwt", List.of("orders:write"), false),
                        RouteSpec.Integration.httpProxy("https://orders.example.test/orders").withTimeout(29000), null),
                new RouteSpec("ANY", "/{proxy+}", NONE,
                        RouteSpec.Integration.httpProxy("https://legacy.example.test/{proxy}").withTimeout(29000), null)),
                http.routes());
        assertEquals(List.of("components.securitySchemes.orders-jwt.x-amazon-apigateway-authorizer.jwtConfiguration.issuer"),
                warningPaths(http));
    }

    @Test
    void an_openapi_3_1_yaml_document_gives_models_in_the_2020_12_dialect() {
        ImportedDefinition books = OpenApiImporter.read(document("bookshop-3.1.yaml"));

        assertEquals("https://json-schema.org/draft/2020-12/schema", books.api().models().get("Book").get("$schema").asText());
        assertEquals(List.of("Book", "getbooksBody"), List.copyOf(books.api().models().keySet()));
        assertEquals(List.of("GET /books", "POST /books", "DELETE /books/{isbn}"),
                books.routes().stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals(new RouteSpec.Validation("getbooksBody", List.of(), List.of()), books.routes().get(0).validation());
        assertEquals(new RouteSpec.Validation("Book", List.of(), List.of()), books.routes().get(1).validation());
        assertEquals(Map.of("application/json", "{\"title\": $input.json('$.title')}"),
                books.routes().get(1).integration().requestTemplates());
        assertEquals(204, books.routes().get(2).integration().statusCode());
        assertEquals(List.of("webhooks", "paths./books.get.requestBody"), warningPaths(books));
    }

    @Test
    void every_problem_of_an_unimportable_document_is_listed_with_its_location() {
        String document = """
                {"openapi": "3.0.3", "info": {"title": "Broken", "version": "1"},
                 "components": {"securitySchemes": {
                    "oauth": {"type": "oauth2", "flows": {}},
                    "pool": {"type": "apiKey", "name": "Authorization", "in": "header",
                             "x-amazon-apigateway-authorizer": {"type": "cognito_user_pools"}}}},
                 "paths": {
                   "/a": {"get": {"responses": {"200": {"description": "ok"}}, "security": [{"oauth": []}],
                                  "x-amazon-apigateway-integration": {"type": "aws", "uri": "arn:aws:apigateway:eu-west-1:s3:path/x"}}},
                   "/b/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                                  "responses": {"200": {"description": "ok"}},
                                  "x-amazon-apigateway-integration": {"type": "http_proxy", "uri": "https://files.example.test/{id}"}}},
                   "/b/{key}": {"get": {"parameters": [{"name": "key", "in": "path", "required": true, "schema": {"type": "string"}}],
                                  "responses": {"200": {"description": "ok"}},
                                  "x-amazon-apigateway-integration": {"type": "mock"}}},
                   "/c": {"get": {"responses": {"200": {"description": "ok"}},
                                  "x-amazon-apigateway-integration": {"type": "http_proxy", "uri": "ftp://files/x"}}}}}
                """;
        ProblemException e = assertThrows(ProblemException.class, () -> OpenApiImporter.read(document));
        assertEquals(List.of(
                "components.securitySchemes.pool.x-amazon-apigateway-authorizer.type",
                "paths./a.get.security.oauth",
                "paths./a.get.x-amazon-apigateway-integration.type",
                "paths./b/{key}.get",
                "paths./c.get.x-amazon-apigateway-integration.uri"), e.violations().stream().map(Problem.Violation::field).toList());
    }

    @Test
    void a_model_that_is_not_valid_json_schema_is_refused_with_the_meta_schema_violations() {
        ProblemException e = assertThrows(ProblemException.class, () -> OpenApiImporter.read("""
                {"openapi": "3.1.0", "info": {"title": "Models", "version": "1"}, "paths": {},
                 "components": {"schemas": {"Pet": {"type": "object", "minProperties": -1}}}}"""));
        assertEquals(1, e.violations().size(), e.violations().toString());
        assertEquals("components.schemas.Pet", e.violations().get(0).field());
        assertTrue(e.violations().get(0).message().startsWith("is not a valid JSON Schema: /minProperties: "),
                e.violations().toString());
    }

    @Test
    void a_document_the_parser_rejects_answers_with_the_parser_messages() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> OpenApiImporter.read("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses: {}\n"));
        assertEquals(List.of("info"), e.violations().stream().map(Problem.Violation::field).toList());
        assertTrue(e.violations().get(0).message().contains("is missing"), e.violations().toString());

        ProblemException undeclared = assertThrows(ProblemException.class, () -> OpenApiImporter.read(
                "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": "
                        + "{\"/b/{id}\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}"));
        assertEquals(List.of("paths./b/{id}"), undeclared.violations().stream().map(Problem.Violation::field).toList());
        assertTrue(undeclared.violations().get(0).message().contains("Declared path parameter id"));

        assertEquals("swagger", assertThrows(ProblemException.class,
                () -> OpenApiImporter.read("{\"swagger\": \"2.0\", \"info\": {}}")).violations().get(0).field());
        assertEquals("document", assertThrows(ProblemException.class,
                () -> OpenApiImporter.read("{\"openapi\": ")).violations().get(0).field());
    }
}
