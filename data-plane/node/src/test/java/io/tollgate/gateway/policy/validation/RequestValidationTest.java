package io.tollgate.gateway.policy.validation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.AuthorizerConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.contract.v1.ValidationConfig;
import io.tollgate.gateway.EchoUpstream;
import io.tollgate.gateway.TestPublisher;
import io.tollgate.gateway.config.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
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

/** Request validation end to end: models in the deployment on the real Kafka topic, a real upstream on loopback. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestValidationTest {

    private static final String PET = """
            {"type": "object", "required": ["name"],
             "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}},
             "dependentRequired": {"name": ["age"]}}""";
    private static final String PAYMENT = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "dependentRequired": {"card": ["cvv"]}}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String tenant = "t-" + UUID.randomUUID();
    private final String api = "v" + UUID.randomUUID().toString().substring(0, 8);
    private final Vertx vertx = Vertx.vertx();
    private EchoUpstream upstream;
    private TestPublisher publisher;

    @BeforeAll
    void publish() throws Exception {
        upstream = new EchoUpstream();
        // an authorizer that takes its time, so that the body must wait for the policies that follow
        HttpServer slowAuthorizer = vertx.createHttpServer().requestHandler(request -> vertx.setTimer(300,
                id -> request.response().end("{\"isAuthorized\": true}"))).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ValidationConfig pets = new ValidationConfig("Pet", List.of("dryRun"), List.of("x-client"));
        publisher = new TestPublisher(bootstrapServers);
        publisher.publish(new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE),
                new DeploymentConfig("d-" + api, tenant, 2, api, 1, DeploymentConfig.ApiKind.REST, null, List.of(
                        new RouteConfig("r-pets", "POST", "/pets", null, proxy("/pets"), pets),
                        new RouteConfig("r-payments", "POST", "/payments", null, proxy("/payments"),
                                new ValidationConfig("Payment", List.of(), List.of())),
                        new RouteConfig("r-authorized", "POST", "/authorized",
                                new AuthorizationConfig(AuthorizationConfig.Type.REQUEST, "slow", List.of(), false), proxy("/authorized"),
                                new ValidationConfig("Pet", List.of(), List.of())),
                        new RouteConfig("r-streamed", "POST", "/streamed",
                                new AuthorizationConfig(AuthorizationConfig.Type.REQUEST, "slow", List.of(), false), proxy("/streamed"), null),
                        TestConfigs.mockRoute("GET", "/open", 200, "open")),
                        List.of(new AuthorizerConfig.Request("slow", "slow", "http://127.0.0.1:" + slowAuthorizer.actualPort(),
                                List.of(), 0)),
                        Map.of("Pet", PET, "Payment", PAYMENT), null, Map.of()),
                TestConfigs.stage("s-" + api, tenant, api, "prod", "d-" + api, 3, Map.of()));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (gateway().get("/prod/open").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway did not serve the API within 30 s");
            }
            Thread.sleep(100);
        }
    }

    private IntegrationConfig proxy(String path) {
        return new IntegrationConfig.HttpProxy(upstream.baseUrl() + path, List.of(), null, null, 0);
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

    private RequestSpecification valid() {
        return gateway().header("x-client", "test").queryParam("dryRun", "true").contentType("application/json");
    }

    @Test
    void a_valid_body_reaches_the_upstream_unchanged() {
        String body = "{\"name\": \"Rex\", \"age\": 3}";
        valid().body(body).post("/prod/pets").then().statusCode(200).body("body", equalTo(body));
    }

    @Test
    void an_invalid_body_is_400_with_every_violation() {
        valid().body("{\"age\": -1}").post("/prod/pets").then().statusCode(400)
                .body("type", equalTo("BAD_REQUEST_BODY"))
                .body("violations", hasSize(2))
                .body("violations", hasItem(containsString("name")))
                .body("violations", hasItem(containsString("minimum")));
    }

    @Test
    void models_are_draft_04_unless_they_name_another_dialect() {
        // dependentRequired is not a draft-04 keyword: ignored in Pet, enforced in the 2020-12 Payment
        valid().body("{\"name\": \"Rex\"}").post("/prod/pets").then().statusCode(200);
        gateway().contentType("application/json").body("{\"card\": \"4111\"}").post("/prod/payments").then().statusCode(400)
                .body("type", equalTo("BAD_REQUEST_BODY")).body("violations[0]", containsString("cvv"));
        gateway().contentType("application/json").body("{\"card\": \"4111\", \"cvv\": \"123\"}").post("/prod/payments")
                .then().statusCode(200);
    }

    @Test
    void a_body_that_is_not_json_is_400() {
        valid().body("{\"name\": ").post("/prod/pets").then().statusCode(400).body("type", equalTo("BAD_REQUEST_BODY"))
                .body("violations[0]", containsString("not valid JSON"));
        valid().contentType("text/plain").body("name=Rex").post("/prod/pets").then().statusCode(400)
                .body("type", equalTo("BAD_REQUEST_BODY"));
        valid().post("/prod/pets").then().statusCode(400).body("type", equalTo("BAD_REQUEST_BODY"));
    }

    @Test
    void missing_required_query_strings_and_headers_are_400_listing_them() {
        gateway().contentType("application/json").body("{\"name\": \"Rex\"}").post("/prod/pets").then().statusCode(400)
                .body("type", equalTo("BAD_REQUEST_PARAMETERS"))
                .body("violations", hasItem("missing required query string 'dryRun'"))
                .body("violations", hasItem("missing required header 'x-client'"));
    }

    @Test
    void a_body_waits_intact_while_an_authorizer_answers() {
        String body = "{\"name\": \"Tom\", \"age\": 1}";
        gateway().contentType("application/json").body(body).post("/prod/authorized").then().statusCode(200).body("body", equalTo(body));
        gateway().contentType("application/json").body(body).post("/prod/streamed").then().statusCode(200).body("body", equalTo(body));
        gateway().contentType("application/json").body("{}").post("/prod/authorized").then().statusCode(400);
    }

    @Test
    void a_body_over_the_nodes_limit_is_413() {
        String big = "{\"name\": \"" + "x".repeat(600) + "\"}"; // the test node's limit is 512 bytes
        valid().body(big).post("/prod/pets").then().statusCode(413).body("type", equalTo("PAYLOAD_TOO_LARGE"));
    }
}
