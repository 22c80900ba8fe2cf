package io.tollgate.analytics.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.tollgate.runtime.testing.KeycloakUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests through a real gateway node reach the real analytics service through the real Kafka and
 * are counted exactly once, per status class, per key and per route; the analytics API answers each
 * of its questions over HTTP, with real Keycloak tokens, from that known traffic. Control plane,
 * gateway and analytics are the packaged apps, each a process (see {@link PlatformUnderTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayToAnalyticsIT {

    private PlatformUnderTest platform;
    private StatusUpstream upstream;
    private TenantFixture tenant;
    private AnalyticsApi analytics;
    private final Tally tally = new Tally();
    private long counted;

    @BeforeAll
    void sendKnownTrafficThroughTheGateway() throws Exception {
        platform = PlatformUnderTest.onRealServices("e2e-gateway-to-analytics");
        upstream = new StatusUpstream();
        tenant = TenantFixture.create(platform.controlPlaneUrl(), platform.keycloakUsers(), upstream.baseUrl(), "e2e-" + System.nanoTime(),
                true);
        Instant start = Instant.now();
        Gateway gateway = new Gateway(platform.gatewayUrl(), tenant.apiId, tally);
        // the configuration reaches the node through Kafka; these polls are traffic too (tallied)
        gateway.awaitServing("/open/200", null, status -> status == 200);
        gateway.awaitServing("/keyed/200", tenant.generousKey, status -> status == 200);
        gateway.awaitServing("/keyed/200", tenant.throttledKey, status -> status == 200 || status == 429);

        send(gateway, "/open/200", null, 40);
        send(gateway, "/open/201", null, 10);
        send(gateway, "/open/404", null, 15);
        send(gateway, "/open/500", null, 10);
        send(gateway, "/keyed/200", null, 12); // 403 API_KEY_MISSING
        send(gateway, "/keyed/200", tenant.generousKey, 30);
        send(gateway, "/keyed/404", tenant.generousKey, 8);
        send(gateway, "/keyed/503", tenant.generousKey, 4);
        send(gateway, "/keyed/200", tenant.throttledKey, 25); // a request a second allowed: most are 429 THROTTLED
        System.out.println("[e2e] sent " + tally);
        assertTrue(tally.status(429) > 0 && tally.status(403) == 12 && tally.statusClass("5xx") > 0, "the mix is there: " + tally);

        analytics = new AnalyticsApi(platform.analyticsUrl(), tenant.tenantId, tenant::ownerToken, start);
        counted = analytics.awaitRequests(tally.requests(), Duration.ofSeconds(180));
    }

    private static void send(Gateway gateway, String path, TenantFixture.Key key, int times) {
        for (int i = 0; i < times; i++) {
            gateway.get(path, key);
        }
    }

    @AfterAll
    void stop() {
        if (upstream != null) {
            upstream.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    // --- exactly once, with the right breakdown -----------------------------------------------------------

    @Test
    void counts_every_request_exactly_once_by_status_class() throws Exception {
        assertEquals(tally.requests(), counted, "counted when first complete");
        Thread.sleep(3_000); // a second copy of anything would have arrived by now (the ingest keeps up in well under a second)
        assertEquals(tally.requests(), analytics.requests(), "still exactly N: nothing counted twice");
        for (String statusClass : List.of("2xx", "3xx", "4xx", "5xx")) {
            assertEquals(tally.statusClass(statusClass), analytics.minuteTotal("status" + statusClass, Map.of()), statusClass);
        }
        assertEquals(tally.status(429), analytics.minuteTotal("throttles", Map.of()), "throttled requests");
    }

    @Test
    void counts_every_request_under_its_key_and_route() {
        Map<String, Long> keys = ranked("key");
        assertEquals(tally.byKey(), keys, "per key, keyless as -");
        assertEquals(Map.of(tenant.generousKey.id(), tally.byKey().get(tenant.generousKey.id()),
                        tenant.throttledKey.id(), tally.byKey().get(tenant.throttledKey.id()), Tally.NO_KEY, tally.byKey().get(Tally.NO_KEY)),
                keys, "the two keys and the keyless requests, nothing else");
        assertEquals(tally.byRoute(), ranked("route"));
        for (String keyId : List.of(tenant.generousKey.id(), tenant.throttledKey.id())) {
            assertEquals(tally.byKey().get(keyId), analytics.minuteTotal("requests", Map.of("keyId", keyId)), "series of key " + keyId);
        }
    }

    private Map<String, Long> ranked(String dimension) {
        return ExactlyOnce.ranked(analytics, dimension);
    }

    // --- identity and tenancy -------------------------------------------------------------------------------

    @Test
    void answers_401_without_a_token_and_404_to_a_member_of_another_tenant() {
        String path = "/v1/tenants/" + tenant.tenantId + "/analytics/timeseries";
        given().baseUri(platform.analyticsUrl()).get(path).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().baseUri(platform.analyticsUrl()).auth().oauth2("not-a-token").get(path).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));

        // someone with an organization of their own: a real member, of another tenant
        KeycloakUsers users = platform.keycloakUsers();
        KeycloakUsers.Person stranger = users.create("stranger");
        String strangerToken = users.token(stranger);
        given().baseUri(platform.controlPlaneUrl()).auth().oauth2(strangerToken).contentType("application/json")
                .body(Map.of("name", "stranger-org")).post("/v1/tenants").then().statusCode(201);
        // same answer as for a tenant that does not exist (as the tenant API does): ids cannot be probed, no data leaks
        given().baseUri(platform.analyticsUrl()).auth().oauth2(strangerToken).get(path).then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(404));
        given().baseUri(platform.analyticsUrl()).auth().oauth2(strangerToken)
                .get("/v1/tenants/" + tenant.tenantId + "/analytics/invoices").then().statusCode(404);
    }

    // --- each question of the analytics API, answered from the known traffic ----------------------------------

    /** [the traffic's UTC day, two days on): whole days, so hour and day buckets are all inside. */
    private Instant dayStart() {
        return analytics.from.truncatedTo(ChronoUnit.DAYS);
    }

    private long sum(JsonPath series) {
        return series.getList("points.requests", Number.class).stream().mapToLong(Number::longValue).sum();
    }

    /** Hours and days come from the rollup (every 30 s): poll until it has run. */
    private static void awaitEquals(long expected, java.util.function.LongSupplier actual, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        long last;
        while ((last = actual.getAsLong()) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": " + last + " instead of " + expected + " after 180 s");
            }
            Thread.sleep(1_000);
        }
    }

    @Test
    void time_series_at_each_resolution_add_up_to_the_traffic() throws Exception {
        analytics.request().queryParam("resolution", "minute").queryParam("from", analytics.from.toString())
                .queryParam("to", analytics.to.toString()).get("/timeseries").then().statusCode(200)
                .contentType(startsWith("application/json")).body("resolution", equalTo("MINUTE"));
        assertEquals(tally.requests(), analytics.minuteTotal("requests", Map.of()));
        Instant from = dayStart();
        Instant to = from.plus(Duration.ofDays(2));
        awaitEquals(tally.requests(), () -> sum(analytics.get("/timeseries", from, to, Map.of("resolution", "hour"))), "hourly series");
        JsonPath days = analytics.get("/timeseries", from, to, Map.of("resolution", "day"));
        assertEquals("DAY", days.getString("resolution"));
        awaitEquals(tally.requests(), () -> sum(analytics.get("/timeseries", from, to, Map.of("resolution", "day"))), "daily series");
    }

    @Test
    void filters_narrow_every_series_to_an_api_stage_route_or_key() {
        assertEquals(tally.requests(), analytics.minuteTotal("requests", Map.of("apiId", tenant.apiId)));
        assertEquals(0, analytics.minuteTotal("requests", Map.of("apiId", "no-such-api")));
        assertEquals(tally.requests(), analytics.minuteTotal("requests", Map.of("stage", "prod")));
        assertEquals(tally.byRoute().get("GET /keyed/{path+}"), analytics.minuteTotal("requests", Map.of("route", "GET /keyed/{path+}")));
        assertEquals(tally.byKey().get(Tally.NO_KEY), analytics.minuteTotal("requests", Map.of("keyId", Tally.NO_KEY)), "keyless");
        assertEquals(tally.status(429), analytics.minuteTotal("requests",
                Map.of("keyId", tenant.throttledKey.id(), "route", "GET /keyed/{path+}")) - analytics.minuteTotal("status2xx",
                Map.of("keyId", tenant.throttledKey.id())), "the throttled key's requests are its 2xx and its 429s");
    }

    @Test
    void top_n_ranks_routes_and_apis_and_honours_the_limit() {
        JsonPath routes = analytics.get("/top", Map.of("dimension", "route", "limit", 1));
        assertEquals(1, routes.getList("items").size());
        String busiest = tally.byRoute().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(busiest, routes.getString("items[0].value"));
        assertEquals(tally.byRoute().get(busiest), routes.getLong("items[0].requests"));
        JsonPath apis = analytics.get("/top", Map.of("dimension", "api"));
        assertEquals(List.of(tenant.apiId), apis.getList("items.value"));
        assertEquals(tally.requests(), apis.getLong("items[0].requests"));
    }

    @Test
    void usage_per_key_per_day_pages_through_both_keys() throws Exception {
        Instant from = dayStart();
        Instant to = from.plus(Duration.ofDays(2));
        String day = from.atZone(ZoneOffset.UTC).toLocalDate().toString();
        Map<String, Long> expected = new TreeMap<>(Map.of(tenant.generousKey.id(), tally.byKey().get(tenant.generousKey.id()),
                tenant.throttledKey.id(), tally.byKey().get(tenant.throttledKey.id())));
        awaitEquals(tally.requests() - tally.byKey().get(Tally.NO_KEY), () -> analytics.get("/usage", from, to, Map.of())
                .getList("items.requests", Number.class).stream().mapToLong(Number::longValue).sum(), "keyed requests per day");
        JsonPath first = analytics.get("/usage", from, to, Map.of("limit", 1));
        assertEquals(1, first.getList("items").size());
        assertEquals(day, first.getString("items[0].day"));
        JsonPath second = analytics.get("/usage", from, to, Map.of("limit", 1, "cursor", first.getString("nextCursor")));
        Map<String, Long> paged = new TreeMap<>();
        paged.put(first.getString("items[0].keyId"), first.getLong("items[0].requests"));
        paged.put(second.getString("items[0].keyId"), second.getLong("items[0].requests"));
        assertEquals(expected, paged, "both keys, keyless requests not listed");
        assertEquals(null, second.getString("nextCursor"));
        problem(analytics.request().queryParam("cursor", "garbage").get("/usage"), 400);
    }

    @Test
    void latency_percentiles_cover_every_request_in_order() {
        JsonPath latency = analytics.get("/latency", Map.of());
        assertEquals(tally.requests(), latency.getLong("requests"));
        double p50 = latency.getDouble("p50Ms");
        double p95 = latency.getDouble("p95Ms");
        double p99 = latency.getDouble("p99Ms");
        assertTrue(p50 > 0 && p50 <= p95 && p95 <= p99 && p99 <= latency.getDouble("maxMs") * 1.01, latency.prettify());
        assertEquals(tally.byKey().get(tenant.generousKey.id()),
                analytics.get("/latency", Map.of("keyId", tenant.generousKey.id())).getLong("requests"));
    }

    @Test
    void errors_by_type_name_the_gateways_refusals() {
        JsonPath errors = analytics.get("/errors", Map.of());
        Map<String, Long> byType = new TreeMap<>();
        List<Map<String, Object>> items = errors.getList("byType");
        items.forEach(item -> byType.put((String) item.get("errorType"), ((Number) item.get("requests")).longValue()));
        assertEquals(tally.status(403), byType.get("API_KEY_MISSING"), byType.toString());
        assertEquals(tally.status(429), byType.get("THROTTLED"), byType.toString());
        assertEquals(byType.values().stream().mapToLong(Long::longValue).sum(), errors.getLong("requests"));
    }

    @Test
    void cache_hits_and_misses_are_what_the_gateway_answered() {
        assertTrue(tally.cacheStatus("HIT") > 0 && tally.cacheStatus("MISS") > 0, "the stage caches: " + tally);
        JsonPath cache = analytics.get("/cache", Map.of());
        assertEquals(tally.cacheStatus("HIT"), cache.getLong("hits"));
        assertEquals(tally.cacheStatus("MISS"), cache.getLong("misses"));
        assertEquals((double) tally.cacheStatus("HIT") / (tally.cacheStatus("HIT") + tally.cacheStatus("MISS")), cache.getDouble("hitRatio"),
                1e-6); // JsonPath reads JSON numbers as floats
    }

    @Test
    void the_running_months_invoice_counts_the_traffic_as_json_and_csv() throws Exception {
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        analytics.request().get("/invoices").then().statusCode(200).contentType(startsWith("application/json"))
                .body("[0].period", equalTo(month)).body("[0].status", equalTo("DRAFT"));
        awaitEquals(tally.requests(), () -> includedRequests(analytics.request().accept("application/json").get("/invoices/" + month)
                .then().statusCode(200).contentType(startsWith("application/json")).extract().jsonPath()), "invoiced requests");
        for (io.restassured.response.Response csv : List.of(analytics.request().accept("text/csv").get("/invoices/" + month),
                analytics.request().get("/invoices/" + month + ".csv"))) {
            csv.then().statusCode(200).contentType(startsWith("text/csv"));
            assertTrue(csv.asString().lines().anyMatch(line -> line.contains("included-requests") && line.contains("," + tally.requests() + ",")),
                    csv.asString());
        }
    }

    private static long includedRequests(JsonPath invoice) {
        List<Map<String, Object>> lines = invoice.getList("lines");
        return lines.stream().filter(line -> "included-requests".equals(line.get("item"))).mapToLong(line ->
                new java.math.BigDecimal(String.valueOf(line.get("quantity"))).longValueExact()).sum();
    }

    @Test
    void the_per_key_export_lists_each_keys_requests() throws Exception {
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        awaitEquals(tally.requests(), () -> exported(month).values().stream().mapToLong(Long::longValue).sum(), "exported requests");
        assertEquals(tally.byKey(), exported(month), "per key, keyless as -");
    }

    private Map<String, Long> exported(String month) {
        io.restassured.response.Response csv = analytics.request().get("/usage-export/" + month + ".csv");
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        Map<String, Long> byKey = new TreeMap<>();
        csv.asString().lines().skip(1).map(line -> line.split(",")).forEach(row -> byKey.put(row[2], Long.parseLong(row[3])));
        return byKey;
    }

    @Test
    void bad_ranges_resolutions_and_periods_are_problems() {
        problem(analytics.request().queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z").get("/timeseries"), 400);
        problem(analytics.request().queryParam("from", "yesterday").get("/latency"), 400);
        problem(analytics.request().queryParam("resolution", "week").get("/timeseries"), 400);
        problem(analytics.request().queryParam("resolution", "minute").queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-06-01T00:00:00Z").get("/timeseries"), 400); // 216 000 points
        problem(analytics.request().queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z").get("/errors"), 400);
        problem(analytics.request().get("/top"), 400);
        problem(analytics.request().queryParam("dimension", "colour").get("/top"), 400);
        problem(analytics.request().queryParam("dimension", "key").queryParam("limit", 0).get("/top"), 400);
        problem(analytics.request().queryParam("keyId", "*").get("/cache"), 400);
        problem(analytics.request().get("/invoices/2026-13"), 400);
        problem(analytics.request().get("/usage-export/last-month"), 400);
        problem(analytics.request().get("/invoices/" + YearMonth.now(ZoneOffset.UTC).plusMonths(1)), 404);
    }

    private static void problem(io.restassured.response.Response response, int status) {
        response.then().statusCode(status).contentType(startsWith("application/problem+json")).body("status", equalTo(status))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    }
}
