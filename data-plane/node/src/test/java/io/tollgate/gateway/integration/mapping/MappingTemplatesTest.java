package io.tollgate.gateway.integration.mapping;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.AuthorizerConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.gateway.EchoUpstream;
import io.tollgate.gateway.TestPublisher;
import io.tollgate.gateway.config.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Body mapping templates (VTL) of HTTP integrations end to end: configuration on the real Kafka topic, a real upstream. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappingTemplatesTest {

    private static final String REQUEST = """
            #set($tags = $input.path('$.tags'))
            {"petName": "$util.escapeJavaScript($input.path('$.name'))",
             "firstTag": $input.json('$.tags[0]'), "tagCount": $tags.size(),
             "id": "$input.params('id')", "q": "$input.params('q')", "h": "$input.params().header.get('x-h')",
             "stage": "$context.stage", "requestId": "$context.requestId", "color": "$stageVariables.color",
             "user": "$context.authorizer.user", "principal": "$context.authorizer.principalId",
             "encoded": "$util.urlEncode('a b')", "raw": "$util.escapeJavaScript($input.body)"}""";
    private static final String RESPONSE = """
            #set($sent = $util.parseJson($input.path('$.body')))
            {"name": "$util.escapeJavaScript($sent.petName)", "user": "$sent.user", "principal": "$sent.principal",
             "upstreamPath": "$input.path('$.path')", "method": $input.json('$.method')}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String tenant = "t-" + UUID.randomUUID();
    private final String api = "m" + UUID.randomUUID().toString().substring(0, 8);
    private final Vertx vertx = Vertx.vertx();
    private EchoUpstream upstream;
    private TestPublisher publisher;

    @BeforeAll
    void publish() throws Exception {
        upstream = new EchoUpstream();
        HttpServer authorizer = vertx.createHttpServer().requestHandler(request -> request.response()
                        .end("{\"isAuthorized\": true, \"principalId\": \"p-1\", \"context\": {\"user\": \"ann\"}}"))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        publisher = new TestPublisher(bootstrapServers);
        publisher.publish(new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE),
                new DeploymentConfig("d-" + api, tenant, 2, api, 1, DeploymentConfig.ApiKind.REST, null, List.of(
                        new RouteConfig("r-mapped", "POST", "/pets/{id}",
                                new AuthorizationConfig(AuthorizationConfig.Type.REQUEST, "authz", List.of(), false),
                                http("/backend/{id}", Map.of("integration.request.path.id", "method.request.path.id"),
                                        Map.of("application/json", REQUEST), Map.of("application/json", RESPONSE)), null),
                        new RouteConfig("r-passthrough", "POST", "/plain", null,
                                http("/plain", Map.of(), Map.of("application/json", REQUEST), Map.of()), null),
                        new RouteConfig("r-broken", "POST", "/broken", null,
                                http("/broken", Map.of(), Map.of("application/json", "$util.base64Decode('%%%')"), Map.of()), null),
                        TestConfigs.mockRoute("GET", "/open", 200, "open")),
                        List.of(new AuthorizerConfig.Request("authz", "authz", "http://127.0.0.1:" + authorizer.actualPort(), List.of(), 0)),
                        Map.of(), null, Map.of()),
                TestConfigs.stage("s-" + api, tenant, api, "prod", "d-" + api, 3, Map.of("color", "teal")));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (gateway().get("/prod/open").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway did not serve the API within 30 s");
            }
            Thread.sleep(100);
        }
    }

    private IntegrationConfig http(String path, Map<String, String> parameters, Map<String, String> requestTemplates,
            Map<String, String> responseTemplates) {
        return new IntegrationConfig.Http("PUT", upstream.baseUrl() + path, parameters, requestTemplates, Map.of(), responseTemplates, 0);
    }

    @AfterAll
    void close() throws Exception {
        publisher.close();
        upstream.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private RequestSpecification gateway() {
        return given().baseUri(ConfigProvider.getConfig().getValue("test.url", String.class)).header("Host", api + ".gateway.localhost");
    }

    @Test
    void request_and_response_templates_map_both_bodies() {
        String answer = gateway().contentType("application/json").header("x-h", "header-value").queryParam("q", "query-value")
                .body("{\"name\": \"Rex \\\"the dog\\\"\", \"tags\": [\"good\", \"loud\"]}")
                .post("/prod/pets/42").then().statusCode(200).extract().asString();
        JsonObject mappedResponse = new JsonObject(answer);
        assertEquals("Rex \"the dog\"", mappedResponse.getString("name"));
        assertEquals("/backend/42", mappedResponse.getString("upstreamPath"));
        assertEquals("PUT", mappedResponse.getString("method"));
    }

    @Test
    void the_request_template_sees_input_context_stage_variables_and_util() {
        String body = gateway().contentType("application/json").header("x-h", "header-value").queryParam("q", "query-value")
                .body("{\"name\": \"Rex\", \"tags\": [\"good\", \"loud\"]}")
                .post("/prod/plain").then().statusCode(200).extract().path("body");
        JsonObject sent = new JsonObject(body);
        assertEquals("Rex", sent.getString("petName"));
        assertEquals("good", sent.getString("firstTag"));
        assertEquals(2, sent.getInteger("tagCount"));
        assertEquals("query-value", sent.getString("q"));
        assertEquals("header-value", sent.getString("h"));
        assertEquals("prod", sent.getString("stage"));
        assertEquals(32, sent.getString("requestId").length());
        assertEquals("teal", sent.getString("color"));
        assertEquals("a+b", sent.getString("encoded"));
        assertEquals("{\"name\": \"Rex\", \"tags\": [\"good\", \"loud\"]}", sent.getString("raw"));
    }

    @Test
    void the_authorizers_context_is_in_context_authorizer_and_missing_references_render_empty() {
        JsonObject answer = new JsonObject(gateway().contentType("application/json").body("{\"name\": \"Rex\", \"tags\": []}")
                .post("/prod/pets/1").then().statusCode(200).extract().asString());
        assertEquals("ann", answer.getString("user"));
        assertEquals("p-1", answer.getString("principal"));
        String body = gateway().contentType("application/json").body("{\"name\": \"Rex\", \"tags\": []}")
                .post("/prod/plain").then().statusCode(200).extract().path("body");
        assertEquals("", new JsonObject(body).getString("user"), "no authorizer on this route");
    }

    @Test
    void a_body_of_another_content_type_passes_through() {
        gateway().contentType("text/plain").body("just text").post("/prod/plain").then().statusCode(200)
                .body("body", equalTo("just text"));
    }

    @Test
    void a_template_that_fails_while_rendering_is_500_internal_not_a_hang() {
        gateway().contentType("application/json").body("{}").post("/prod/broken").then().statusCode(500)
                .body("type", equalTo("INTERNAL"));
    }
}
