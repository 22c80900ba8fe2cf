package io.tollgate.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tollgate.contract.v1.ApiKeyConfig;
import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.CorsConfig;
import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.GatewayResponseConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.gateway.config.TestConfigs;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The request path end to end: contract records on the real Kafka topic, the node materializing
 * them, requests through the default endpoint to a real upstream on loopback.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayRequestPathTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @jakarta.inject.Inject
    GatewayNode node;

    private final String tenant = "t-" + UUID.randomUUID();
    private final String api = "a" + UUID.randomUUID().toString().substring(0, 8);
    private final String customizedApi = "c" + UUID.randomUUID().toString().substring(0, 8);
    private EchoUpstream upstream;
    private TestPublisher publisher;
    private String closedPortUrl;

    @BeforeAll
    void publishAnApi() throws Exception {
        upstream = new EchoUpstream();
        publisher = new TestPublisher(bootstrapServers);
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPortUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
        publisher.publish(
                new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE),
                TestConfigs.deployment("d-" + api, tenant, api, 2, List.of(
                        TestConfigs.mockRoute("GET", "/hello", 200, "hello from mock"),
                        TestConfigs.mockRoute("DELETE", "/hello", 204, ""),
                        TestConfigs.proxyRoute("ANY", "/pets/{id}", upstream.baseUrl() + "/${stageVariables.prefix}/pets/{id}", 0),
                        TestConfigs.proxyRoute("ANY", "/files/{path+}", upstream.baseUrl() + "/files/{path+}", 0),
                        TestConfigs.proxyRoute("GET", "/slow", upstream.baseUrl() + "/slow", 200),
                        TestConfigs.proxyRoute("GET", "/down", closedPortUrl + "/down", 0),
                        new RouteConfig("r-keyed", "GET", "/keyed", new AuthorizationConfig(AuthorizationConfig.Type.API_KEY, null, null, true),
                                new IntegrationConfig.Mock(200, Map.of(), "key accepted"), null),
                        new RouteConfig("r-mapped", "POST", "/mapped/{id}", null,
                                new IntegrationConfig.Http(null, upstream.baseUrl() + "/mapped/{petId}", Map.of(
                                        "integration.request.path.petId", "method.request.path.id",
                                        "integration.request.header.x-stage", "context.stage",
                                        "integration.request.header.x-static", "'fixed'",
                                        "integration.request.header.x-from-header", "method.request.header.x-in",
                                        "integration.request.querystring.search", "method.request.querystring.q"),
                                        Map.of(), Map.of(
                                        "method.response.header.x-out", "integration.response.header.x-upstream",
                                        "method.response.header.x-const", "'c'"), 0), null),
                        new RouteConfig("r-fn1", "POST", "/v1fn/{id}", null,
                                new IntegrationConfig.Function(upstream.baseUrl() + "/fn", "1.0", 0), null),
                        new RouteConfig("r-fn2", "ANY", "/v2fn/{proxy+}", null,
                                new IntegrationConfig.Function(upstream.baseUrl() + "/fn", "2.0", 0), null))),
                TestConfigs.stage("s-" + api, tenant, api, "prod", "d-" + api, 3, Map.of("prefix", "v2")),
                new DeploymentConfig("d-" + customizedApi, tenant, 4, customizedApi, 1, DeploymentConfig.ApiKind.HTTP, null,
                        List.of(TestConfigs.mockRoute("GET", "/hello", 200, "hi")), List.of(), Map.of(),
                        new CorsConfig(List.of("https://app.example.com"), List.of("GET", "POST"), List.of("content-type", "x-api-key"),
                                List.of("x-request-id"), true, 600),
                        Map.of("ROUTE_NOT_FOUND", new GatewayResponseConfig(410, Map.of("x-custom", "yes"),
                                "{\"oops\":\"$context.error.message\",\"id\":\"$context.requestId\"}"))),
                TestConfigs.stage("s-" + customizedApi, tenant, customizedApi, "prod", "d-" + customizedApi, 5, Map.of()));
        String other = "t-other-" + UUID.randomUUID();
        publisher.publish(
                new UsagePlanConfig("p-prod-" + api, tenant, 6, null, null, List.of(new UsagePlanConfig.PlanStage(api, "prod", null))),
                new UsagePlanConfig("p-dev-" + api, tenant, 7, null, null, List.of(new UsagePlanConfig.PlanStage(api, "dev", null))),
                new UsagePlanConfig("p-other-" + api, other, 8, null, null, List.of(new UsagePlanConfig.PlanStage(api, "prod", null))),
                key("good", tenant, true, null, "p-prod-" + api),
                key("disabled", tenant, false, null, "p-prod-" + api),
                key("expired", tenant, true, java.time.Instant.now().minusSeconds(60), "p-prod-" + api),
                key("devonly", tenant, true, null, "p-dev-" + api),
                key("foreign", other, true, null, "p-other-" + api));
        awaitServed("/prod/hello");
    }

    private String keyValue(String name) {
        return name + "-" + api + "-secret-value";
    }

    private ApiKeyConfig key(String name, String tenantId, boolean enabled, java.time.Instant expiresAt, String plan) throws Exception {
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(keyValue(name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new ApiKeyConfig("k-" + name + "-" + api, tenantId, 9, java.util.HexFormat.of().formatHex(hash), enabled, expiresAt, List.of(plan));
    }

    @AfterAll
    void close() throws Exception {
        publisher.close();
        upstream.close();
    }

    /** The node's own address (RestAssured's default port is not set yet in a per-class @BeforeAll). */
    private static RequestSpecification node() {
        return given().baseUri(ConfigProvider.getConfig().getValue("test.url", String.class));
    }

    private RequestSpecification gateway() {
        return node().header("Host", api + ".gateway.localhost");
    }

    private void awaitServed(String path) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (gateway().get(path).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the gateway did not serve " + path + " within 30 s");
    }

    @Test
    void the_dedicated_traffic_listener_serves_tenants_apis_but_not_the_nodes_own_endpoints() {
        given().baseUri("http://127.0.0.1:" + node.dedicatedHttpPort()).header("Host", api + ".gateway.localhost")
                .get("/prod/hello").then().statusCode(200).body(equalTo("hello from mock"));
        given().baseUri("http://127.0.0.1:" + node.dedicatedHttpPort()).get("/q/health/ready")
                .then().statusCode(404).body("type", equalTo("UNKNOWN_HOST"));
    }

    @Test
    void a_mock_route_is_answered_by_the_gateway() {
        gateway().get("/prod/hello").then().statusCode(200).body(equalTo("hello from mock"))
                .header("content-type", "text/plain");
    }

    @Test
    void proxies_method_path_query_body_and_headers_to_the_upstream() {
        gateway().header("x-custom", "kept").header("content-type", "application/json")
                .body("{\"name\":\"Rex\"}").queryParam("page", "2")
                .put("/prod/pets/42")
                .then().statusCode(200)
                .header("x-upstream", "echo")
                .header("x-request-id", matchesPattern("[0-9a-f]{32}"))
                .body("method", equalTo("PUT"))
                .body("path", equalTo("/v2/pets/42"))
                .body("query", equalTo("page=2"))
                .body("body", equalTo("{\"name\":\"Rex\"}"))
                .body("headers.x-custom", equalTo("kept"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", equalTo(api + ".gateway.localhost"))
                .body("headers.x-request-id", matchesPattern("[0-9a-f]{32}"))
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void passes_an_incoming_traceparent_on_unchanged() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        gateway().header("traceparent", traceparent).get("/prod/pets/1")
                .then().statusCode(200).body("headers.traceparent", equalTo(traceparent));
    }

    @Test
    void strips_hop_by_hop_headers_both_ways() {
        gateway().header("connection", "keep-alive, X-Hop, x-hop").header("x-hop", "secret").header("proxy-authorization", "Basic x")
                .get("/prod/pets/1")
                .then().statusCode(200)
                .body("headers", not(hasKey("x-hop")))
                .body("headers", not(hasKey("proxy-authorization")))
                .header("x-secret-hop", nullValue());
    }

    @Test
    void a_greedy_path_parameter_carries_the_rest_of_the_path() {
        gateway().urlEncodingEnabled(false).get("/prod/files/docs/2026/report%20final.pdf").then().statusCode(200)
                .body("path", equalTo("/files/docs/2026/report%20final.pdf"));
    }

    @Test
    void a_function_gets_the_format_1_event_and_its_result_becomes_the_response() {
        String event = gateway().header("content-type", "application/json").queryParam("q", "1")
                .body("{\"a\":1}").post("/prod/v1fn/7")
                .then().statusCode(201)
                .header("x-fn", "yes")
                .header("x-request-id", matchesPattern("[0-9a-f]{32}"))
                .extract().asString();
        JsonObject json = new JsonObject(event);
        assertEquals("1.0", json.getString("version"));
        assertEquals("/v1fn/{id}", json.getString("resource"));
        assertEquals("/v1fn/7", json.getString("path"));
        assertEquals("7", json.getJsonObject("pathParameters").getString("id"));
        assertEquals("v2", json.getJsonObject("stageVariables").getString("prefix"));
        assertEquals("1", json.getJsonObject("queryStringParameters").getString("q"));
        assertEquals("{\"a\":1}", json.getString("body"));
        assertEquals("prod", json.getJsonObject("requestContext").getString("stage"));
    }

    @Test
    void a_function_gets_the_format_2_event_with_cookies_and_sets_cookies_back() {
        Response response = gateway().cookie("session", "s1").get("/prod/v2fn/a/b");
        response.then().statusCode(201).header("set-cookie", "flavour=oat");
        assertEquals(List.of("a", "b"), response.headers().getValues("x-multi"));
        JsonObject json = new JsonObject(response.asString());
        assertEquals("GET /v2fn/{proxy+}", json.getString("routeKey"));
        assertEquals("/prod/v2fn/a/b", json.getString("rawPath"));
        assertEquals("a/b", json.getJsonObject("pathParameters").getString("proxy"));
        assertEquals("session=s1", json.getJsonArray("cookies").getString(0));
    }

    @Test
    void an_http_integration_sends_only_what_its_mapping_names() {
        gateway().header("x-in", "from-client").header("x-unmapped", "dropped").header("content-type", "text/plain")
                .queryParam("q", "hello").queryParam("other", "dropped").body("payload")
                .post("/prod/mapped/7")
                .then().statusCode(200)
                .header("x-out", "echo")
                .header("x-const", "c")
                .header("x-upstream", nullValue())
                .body("path", equalTo("/mapped/7"))
                .body("query", equalTo("search=hello"))
                .body("body", equalTo("payload"))
                .body("headers.x-stage", equalTo("prod"))
                .body("headers.x-static", equalTo("fixed"))
                .body("headers.x-from-header", equalTo("from-client"))
                .body("headers.content-type", startsWith("text/plain"))
                .body("headers", not(hasKey("x-unmapped")))
                .body("headers", not(hasKey("x-in")));
    }

    @Test
    void a_route_that_requires_a_key_admits_a_valid_one_and_refuses_the_rest_with_distinct_types() throws Exception {
        awaitKeyServed();
        gateway().header("x-api-key", keyValue("good")).get("/prod/keyed").then().statusCode(200).body(equalTo("key accepted"));
        gateway().get("/prod/keyed").then().statusCode(403).body("type", equalTo("API_KEY_MISSING"));
        gateway().header("x-api-key", "no-such-key").get("/prod/keyed").then().statusCode(403).body("type", equalTo("API_KEY_INVALID"));
        gateway().header("x-api-key", keyValue("disabled")).get("/prod/keyed").then().statusCode(403).body("type", equalTo("API_KEY_DISABLED"));
        gateway().header("x-api-key", keyValue("expired")).get("/prod/keyed").then().statusCode(403).body("type", equalTo("API_KEY_EXPIRED"));
        gateway().header("x-api-key", keyValue("devonly")).get("/prod/keyed").then().statusCode(403).body("type", equalTo("API_KEY_NOT_ALLOWED"));
        gateway().header("x-api-key", keyValue("foreign")).get("/prod/keyed").then().statusCode(403).body("type", equalTo("API_KEY_INVALID"));
        gateway().get("/prod/hello").then().statusCode(200); // routes without the requirement need no key
    }

    private void awaitKeyServed() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (gateway().header("x-api-key", keyValue("good")).get("/prod/keyed").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @Test
    void unknown_route_answers_a_documented_not_found() {
        gateway().get("/prod/nothing/here").then().statusCode(404)
                .header("x-tollgate-error-type", "ROUTE_NOT_FOUND")
                .body("type", equalTo("ROUTE_NOT_FOUND"))
                .body("requestId", matchesPattern("[0-9a-f]{32}"))
                .body("message", not(emptyOrNullString()));
    }

    @Test
    void an_api_can_override_a_gateway_response() {
        node().header("Host", customizedApi + ".gateway.localhost").header("origin", "https://app.example.com")
                .get("/prod/missing")
                .then().statusCode(410)
                .header("access-control-allow-origin", "https://app.example.com") // readable by the browser app
                .header("x-custom", "yes")
                .header("x-tollgate-error-type", "ROUTE_NOT_FOUND")
                .body("oops", equalTo("No route matches the request"))
                .body("id", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void answers_a_cors_preflight_for_an_allowed_origin() {
        node().header("Host", customizedApi + ".gateway.localhost").header("origin", "https://app.example.com")
                .header("access-control-request-method", "GET").header("access-control-request-headers", "content-type")
                .options("/prod/hello")
                .then().statusCode(204)
                .header("access-control-allow-origin", "https://app.example.com")
                .header("access-control-allow-methods", "GET, POST")
                .header("access-control-allow-headers", "content-type, x-api-key")
                .header("access-control-max-age", "600")
                .header("access-control-allow-credentials", "true")
                .header("vary", "Origin");
    }

    @Test
    void a_preflight_from_another_origin_gets_no_cors_headers() {
        node().header("Host", customizedApi + ".gateway.localhost").header("origin", "https://evil.example")
                .header("access-control-request-method", "GET").options("/prod/hello")
                .then().statusCode(204).header("access-control-allow-origin", nullValue());
    }

    @Test
    void actual_responses_carry_cors_headers_for_an_allowed_origin() {
        node().header("Host", customizedApi + ".gateway.localhost").header("origin", "https://app.example.com")
                .get("/prod/hello")
                .then().statusCode(200).body(equalTo("hi"))
                .header("access-control-allow-origin", "https://app.example.com")
                .header("access-control-expose-headers", "x-request-id");
    }

    @Test
    void too_many_headers_and_too_long_urls_answer_documented_errors() {
        RequestSpecification many = gateway();
        for (int i = 0; i < 101; i++) {
            many = many.header("x-filler-" + i, "v");
        }
        many.get("/prod/hello").then().statusCode(431).body("type", equalTo("HEADERS_TOO_LARGE"));
        gateway().get("/prod/hello?q=" + "a".repeat(8200)).then().statusCode(414).body("type", equalTo("URI_TOO_LONG"));
    }

    @Test
    void requests_are_counted_and_timed_per_tenant_api_and_stage() {
        gateway().get("/prod/pets/5").then().statusCode(200);
        gateway().get("/prod/nothing").then().statusCode(404);
        String metrics = node().get("/q/metrics").then().statusCode(200).extract().asString();
        String labels = "api=\"" + api + "\",stage=\"prod\"";
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("tollgate_requests_total{") && l.contains(labels)
                && l.contains("status=\"2xx\"") && l.contains("tenant=\"" + tenant + "\"")), "2xx counter");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("tollgate_requests_total{") && l.contains(labels)
                && l.contains("status=\"4xx\"")), "4xx counter");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("tollgate_request_duration_seconds_bucket{") && l.contains(labels)),
                "latency histogram");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("tollgate_integration_duration_seconds_count{")
                && l.contains("api=\"" + api + "\"") && l.contains("integration=\"HttpProxy\"")), "integration latency");
    }

    @Test
    void wrong_method_answers_405_with_allow() {
        gateway().post("/prod/hello").then().statusCode(405)
                .header("allow", "DELETE, GET, HEAD")
                .body("type", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void unknown_stage_and_unknown_api_answer_documented_errors() {
        gateway().get("/staging/hello").then().statusCode(404).body("type", equalTo("STAGE_NOT_FOUND"));
        node().header("Host", "nosuchapi.gateway.localhost").get("/prod/hello").then().statusCode(404)
                .body("type", equalTo("UNKNOWN_HOST"));
    }

    @Test
    void an_integration_slower_than_its_timeout_answers_504() {
        gateway().get("/prod/slow").then().statusCode(504).body("type", equalTo("INTEGRATION_TIMEOUT"));
    }

    @Test
    void an_unreachable_upstream_answers_502() {
        gateway().get("/prod/down").then().statusCode(502).body("type", equalTo("BAD_GATEWAY"));
    }

    @Test
    void a_declared_body_over_the_limit_answers_413_before_it_is_read() {
        gateway().header("content-type", "application/octet-stream").body(new byte[1024])
                .header("x-test", "big") // the node's test limit is 512 bytes (application.properties)
                .post("/prod/pets/1").then().statusCode(413).body("type", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void a_chunked_body_growing_over_the_limit_answers_413() {
        gateway().header("content-type", "application/octet-stream")
                .body(new java.io.ByteArrayInputStream(new byte[4096])) // a stream: sent chunked, no length
                .post("/prod/pets/1").then().statusCode(413).body("type", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void a_chunked_body_within_the_limit_is_streamed_through() {
        gateway().header("content-type", "text/plain")
                .body(new java.io.ByteArrayInputStream("small body".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .post("/prod/pets/1").then().statusCode(200).body("body", equalTo("small body"))
                .body("headers.transfer-encoding", equalTo("chunked"));
    }

    @Test
    void a_suspended_tenant_is_refused_and_comes_back_when_reactivated() throws Exception {
        publisher.publish(new TenantConfig(tenant, 100, TenantConfig.Status.SUSPENDED));
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (gateway().get("/prod/hello").statusCode() != 403 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            gateway().get("/prod/hello").then().statusCode(403).body("type", equalTo("TENANT_SUSPENDED"));
        } finally {
            publisher.publish(new TenantConfig(tenant, 101, TenantConfig.Status.ACTIVE));
            awaitServed("/prod/hello");
        }
    }

    @Test
    void a_tenant_over_its_plan_limit_is_refused_with_retry_after_and_served_again_when_lifted() throws Exception {
        java.time.Instant resetsAt = java.time.Instant.now().plus(java.time.Duration.ofDays(3));
        publisher.publish(new TenantConfig(tenant, 102, TenantConfig.Status.ACTIVE, new TenantConfig.PlanLimit("FREE",
                "MONTHLY_REQUESTS", 1_000_000, "2026-12", java.time.Instant.now(), resetsAt)));
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (gateway().get("/prod/hello").statusCode() != 429 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String retryAfter = gateway().get("/prod/hello").then().statusCode(429)
                    .body("type", equalTo("TENANT_LIMIT_EXCEEDED"))
                    .header("x-tollgate-error-type", "TENANT_LIMIT_EXCEEDED")
                    .extract().header("retry-after");
            long seconds = Long.parseLong(retryAfter); // until the billing period ends
            assertTrue(seconds > 3 * 86_400 - 60 && seconds <= 3 * 86_400, "retry-after " + retryAfter);
        } finally {
            publisher.publish(new TenantConfig(tenant, 103, TenantConfig.Status.ACTIVE));
            awaitServed("/prod/hello");
        }
    }

    @Test
    void the_node_reports_the_configuration_version_it_serves() {
        String health = node().get("/q/health/ready").then().statusCode(200)
                .body(containsString("gateway-configuration")).extract().asString();
        assertTrue(health.contains("\"source\": \"KAFKA\""), health);
        node().get("/q/metrics").then().statusCode(200).body(containsString("tollgate_config_version"))
                .body(containsString("tollgate_config_age_seconds"));
    }
}
