package io.tollgate.gateway.policy.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Request authorizers end to end: the deployment on the real Kafka topic, the tenant's authorizer
 * a real HTTP server on loopback that counts its calls.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestAuthorizerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String tenant = "t-" + UUID.randomUUID();
    private final String api = "q" + UUID.randomUUID().toString().substring(0, 8);
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger calls = new AtomicInteger();
    private final ConcurrentLinkedQueue<JsonObject> events = new ConcurrentLinkedQueue<>();
    private HttpServer authorizer;
    private EchoUpstream upstream;
    private TestPublisher publisher;

    @BeforeAll
    void publish() throws Exception {
        upstream = new EchoUpstream();
        authorizer = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            calls.incrementAndGet();
            JsonObject event = body.toJsonObject();
            events.add(event);
            String identity = event.getJsonArray("identitySource").getString(0);
            if (identity.startsWith("hang")) {
                return; // never answers
            }
            if (identity.startsWith("broken")) {
                request.response().setStatusCode(500).end("oops");
                return;
            }
            if (identity.startsWith("nonsense")) {
                request.response().end("{\"allowed\":\"maybe\"}");
                return;
            }
            boolean allowed = identity.startsWith("allow");
            request.response().putHeader("content-type", "application/json").end(new JsonObject().put("isAuthorized", allowed)
                    .put("context", new JsonObject().put("user", identity).put("tier", "gold").put("quota", 42)).encode());
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String uri = "http://127.0.0.1:" + authorizer.actualPort() + "/authorize";
        publisher = new TestPublisher(bootstrapServers);
        publisher.publish(new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE),
                new DeploymentConfig("d-" + api, tenant, 2, api, 1, DeploymentConfig.ApiKind.HTTP, null, List.of(
                        route("/cached", "cached", new IntegrationConfig.HttpProxy(upstream.baseUrl() + "/cached", List.of(), null, null, 0)),
                        route("/uncached", "uncached", new IntegrationConfig.Mock(200, Map.of(), "ok")),
                        route("/mapped", "cached", new IntegrationConfig.Http(null, upstream.baseUrl() + "/mapped", Map.of(
                                "integration.request.header.x-tier", "$context.authorizer.tier",
                                "integration.request.header.x-user", "context.authorizer.user"), Map.of(), Map.of(), 0)),
                        TestConfigs.mockRoute("GET", "/open", 200, "open")),
                        List.of(new AuthorizerConfig.Request("cached", "cached", uri, List.of("$request.header.Authorization"), 300),
                                new AuthorizerConfig.Request("uncached", "uncached", uri,
                                        List.of("$request.header.Authorization", "$request.querystring.team"), 0)),
                        Map.of(), null, Map.of()),
                TestConfigs.stage("s-" + api, tenant, api, "prod", "d-" + api, 3, Map.of("env", "production")));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (gateway().get("/prod/open").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway did not serve the API within 30 s");
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    void close() throws Exception {
        publisher.close();
        upstream.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static RouteConfig route(String path, String authorizerId, IntegrationConfig integration) {
        return new RouteConfig("r" + path, "GET", path, new AuthorizationConfig(AuthorizationConfig.Type.REQUEST, authorizerId, List.of(), false),
                integration, null);
    }

    private RequestSpecification gateway() {
        return given().baseUri(ConfigProvider.getConfig().getValue("test.url", String.class)).header("Host", api + ".gateway.localhost");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void an_allowed_caller_reaches_the_upstream_with_the_authorizers_context_and_the_answer_is_cached() {
        String identity = unique("allow");
        int before = calls.get();
        JsonObject echo = new JsonObject(gateway().header("Authorization", identity).get("/prod/cached")
                .then().statusCode(200).extract().asString());
        JsonObject context = new JsonObject(new String(Base64.getUrlDecoder().decode(
                echo.getJsonObject("headers").getString("x-tollgate-authorizer-context")), StandardCharsets.UTF_8));
        assertEquals(identity, context.getString("user"));
        assertEquals(42, context.getInteger("quota"));
        gateway().header("Authorization", identity).get("/prod/cached").then().statusCode(200);
        gateway().header("Authorization", identity).get("/prod/mapped").then().statusCode(200);
        assertEquals(1, calls.get() - before, "one call for three requests of one identity within the TTL");
    }

    @Test
    void the_endpoint_gets_the_request_as_the_cloud_gateways_event() {
        String identity = unique("allow");
        gateway().header("Authorization", identity).queryParam("team", "blue").get("/prod/uncached").then().statusCode(200);
        JsonObject event = events.stream().filter(e -> e.getJsonArray("identitySource").getString(0).equals(identity))
                .findFirst().orElseThrow();
        assertEquals("REQUEST", event.getString("type"));
        assertEquals("2.0", event.getString("version"));
        assertEquals(List.of(identity, "blue"), event.getJsonArray("identitySource").getList());
        assertEquals("GET /uncached", event.getString("routeKey"));
        assertEquals("blue", event.getJsonObject("queryStringParameters").getString("team"));
        assertEquals("production", event.getJsonObject("stageVariables").getString("env"));
        assertEquals(tenant, event.getJsonObject("requestContext").getString("accountId"));
        assertEquals("GET", event.getJsonObject("requestContext").getJsonObject("http").getString("method"));
    }

    @Test
    void the_authorizers_context_is_available_to_parameter_mapping() {
        String identity = unique("allow");
        gateway().header("Authorization", identity).get("/prod/mapped").then().statusCode(200)
                .body("headers.x-tier", equalTo("gold")).body("headers.x-user", equalTo(identity));
    }

    @Test
    void a_denied_caller_gets_403_and_the_denial_is_cached_too() {
        String identity = unique("deny");
        int before = calls.get();
        gateway().header("Authorization", identity).get("/prod/cached").then().statusCode(403).body("type", equalTo("ACCESS_DENIED"));
        gateway().header("Authorization", identity).get("/prod/cached").then().statusCode(403);
        assertEquals(1, calls.get() - before);
    }

    @Test
    void a_missing_identity_source_is_401_without_asking_the_endpoint() {
        int before = calls.get();
        gateway().get("/prod/cached").then().statusCode(401).body("type", equalTo("UNAUTHORIZED"));
        gateway().header("Authorization", unique("allow")).get("/prod/uncached").then().statusCode(401); // no ?team=
        assertEquals(0, calls.get() - before);
    }

    @Test
    void without_a_ttl_the_endpoint_is_asked_every_time() {
        String identity = unique("allow");
        int before = calls.get();
        for (int i = 0; i < 3; i++) {
            gateway().header("Authorization", identity).queryParam("team", "red").get("/prod/uncached").then().statusCode(200);
        }
        assertEquals(3, calls.get() - before);
    }

    @Test
    void a_failing_endpoint_is_an_authorizer_failure_and_is_not_cached() {
        String broken = unique("broken");
        int before = calls.get();
        gateway().header("Authorization", broken).get("/prod/cached").then().statusCode(500).body("type", equalTo("AUTHORIZER_FAILURE"));
        gateway().header("Authorization", broken).get("/prod/cached").then().statusCode(500);
        assertEquals(2, calls.get() - before, "failures are asked again");
        gateway().header("Authorization", unique("nonsense")).get("/prod/cached").then().statusCode(500)
                .body("type", equalTo("AUTHORIZER_FAILURE"));
    }

    @Test
    void an_endpoint_that_does_not_answer_times_out_into_an_authorizer_failure() {
        long start = System.nanoTime();
        gateway().header("Authorization", unique("hang")).get("/prod/cached").then().statusCode(500)
                .body("type", equalTo("AUTHORIZER_FAILURE"));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= 2_500 && tookMillis < 10_000, "answered after the 3 s timeout, took " + tookMillis);
    }
}
