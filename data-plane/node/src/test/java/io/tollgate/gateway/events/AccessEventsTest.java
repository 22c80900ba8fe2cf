package io.tollgate.gateway.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tollgate.contract.v1.AccessEvent;
import io.tollgate.contract.v1.ApiKeyConfig;
import io.tollgate.contract.v1.AuthorizationConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.TenantConfig;
import io.tollgate.contract.v1.UsagePlanConfig;
import io.tollgate.gateway.TestPublisher;
import io.tollgate.gateway.config.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Requests through the gateway come out as exactly one access event each on the real topic. */
@QuarkusTest
class AccessEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String tenant = "t-events-" + UUID.randomUUID();
    private final String api = "ev" + UUID.randomUUID().toString().substring(0, 6);

    private RequestSpecification gateway() {
        return given().baseUri(ConfigProvider.getConfig().getValue("test.url", String.class)).header("Host", api + ".gateway.localhost");
    }

    @Test
    void every_request_yields_one_event_with_its_fields() throws Exception {
        String keyValue = "events-key-" + UUID.randomUUID();
        String keyHash = java.util.HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(keyValue.getBytes(StandardCharsets.UTF_8)));
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(new TenantConfig(tenant, 1, TenantConfig.Status.ACTIVE),
                    TestConfigs.deployment("d-" + api, tenant, api, 2, List.of(
                            TestConfigs.mockRoute("GET", "/pets/{id}", 200, "a pet"),
                            TestConfigs.mockRoute("POST", "/pets", 201, "created"),
                            new RouteConfig("r-keyed", "GET", "/keyed", new AuthorizationConfig(AuthorizationConfig.Type.API_KEY, null, null, true),
                                    new IntegrationConfig.Mock(200, Map.of(), "key accepted"), null))),
                    TestConfigs.stage("s-" + api, tenant, api, "prod", "d-" + api, 3, Map.of()),
                    new UsagePlanConfig("p-" + api, tenant, 4, null, null, List.of(new UsagePlanConfig.PlanStage(api, "prod", null))),
                    new ApiKeyConfig("k-" + api, tenant, 5, keyHash, true, null, List.of("p-" + api)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gateway().header("x-api-key", keyValue).get("/prod/keyed").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "API not served");
            Thread.sleep(100);
        }
        long readyAt = System.currentTimeMillis();

        Set<String> requestIds = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            gateway().get("/prod/pets/" + i).then().statusCode(200);
        }
        for (int i = 0; i < 20; i++) {
            gateway().body("{\"name\":\"rex\"}").post("/prod/pets").then().statusCode(201);
        }
        for (int i = 0; i < 15; i++) {
            gateway().header("x-api-key", keyValue).get("/prod/keyed").then().statusCode(200);
        }
        for (int i = 0; i < 5; i++) {
            requestIds.add(gateway().get("/prod/nowhere").then().statusCode(404).extract().path("requestId"));
        }

        List<AccessEvent> events = TopicReader.read(bootstrapServers,
                e -> e.tenantId().equals(tenant) && e.epochMillis() >= readyAt - 1_000, 100, Duration.ofSeconds(60));
        // requests while waiting for the API to be served count too: keep only those after it was
        events = events.stream().filter(e -> e.epochMillis() >= readyAt).toList();
        assertEquals(100, events.size(), "one event per request: " + summary(events));
        assertEquals(100, events.stream().map(AccessEvent::id).distinct().count(), "event ids are unique");

        Map<Integer, Long> byStatus = events.stream().collect(Collectors.groupingBy(AccessEvent::status, Collectors.counting()));
        assertEquals(Map.of(200, 75L, 201, 20L, 404, 5L), byStatus);
        Map<String, Long> byRoute = new HashMap<>();
        events.forEach(e -> byRoute.merge(String.valueOf(e.route()), 1L, Long::sum));
        assertEquals(Map.of("/pets/{id}", 60L, "/pets", 20L, "/keyed", 15L, "null", 5L), byRoute);
        assertEquals(15, events.stream().filter(e -> ("k-" + api).equals(e.keyId())).count());

        AccessEvent pet = events.stream().filter(e -> "/pets/{id}".equals(e.route())).findFirst().orElseThrow();
        assertEquals(api, pet.apiId());
        assertEquals("prod", pet.stage());
        assertEquals("GET", pet.method());
        assertNull(pet.errorType());
        assertNull(pet.keyId());
        assertEquals("127.0.0.1", pet.clientAddress());
        assertEquals("a pet".length(), pet.bytesOut());
        assertTrue(pet.latencyMicros() > 0);
        assertNotNull(pet.requestId());

        AccessEvent post = events.stream().filter(e -> e.status() == 201).findFirst().orElseThrow();
        assertEquals("{\"name\":\"rex\"}".length(), post.bytesIn());

        AccessEvent notFound = events.stream().filter(e -> e.status() == 404).findFirst().orElseThrow();
        assertEquals("ROUTE_NOT_FOUND", notFound.errorType());
        assertEquals(requestIds, events.stream().filter(e -> e.status() == 404).map(AccessEvent::requestId)
                .collect(Collectors.toSet()), "the request ids the clients saw");
    }

    private static String summary(List<AccessEvent> events) {
        return events.stream().collect(Collectors.groupingBy(e -> e.status() + " " + e.route(), Collectors.counting())).toString();
    }
}
