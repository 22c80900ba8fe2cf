package io.tollgate.analytics.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The analytics API over HTTP, called as a tenant's member does: a real Keycloak token (fresh for
 * each call) for one tenant, over the range this test's traffic falls in.
 */
final class AnalyticsApi {

    private final String baseUrl;
    private final String tenantId;
    private final Supplier<String> token;
    /** [from, to) covering the test's traffic, whole minutes. */
    final Instant from;
    final Instant to;

    AnalyticsApi(String baseUrl, String tenantId, Supplier<String> token, Instant trafficStart) {
        this.baseUrl = baseUrl;
        this.tenantId = tenantId;
        this.token = token;
        this.from = trafficStart.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        this.to = trafficStart.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofHours(2)); // the test ends well before
    }

    RequestSpecification request() {
        return given().baseUri(baseUrl).basePath("/v1/tenants/" + tenantId + "/analytics").auth().oauth2(token.get());
    }

    /** GET over the traffic's range with extra query parameters; 200 or fails. */
    JsonPath get(String path, Map<String, ?> query) {
        return get(path, from, to, query);
    }

    /** GET over [rangeFrom, rangeTo) with extra query parameters; 200 or fails. */
    JsonPath get(String path, Instant rangeFrom, Instant rangeTo, Map<String, ?> query) {
        Response response = request().queryParam("from", rangeFrom.toString()).queryParam("to", rangeTo.toString())
                .queryParams(query).get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " " + query + " answered " + response.statusCode() + ": " + response.asString());
        }
        return response.jsonPath();
    }

    /** Sum of a field of the per-minute series, e.g. {@code requests} or {@code status4xx}. */
    long minuteTotal(String field, Map<String, ?> filter) {
        List<Number> values = get("/timeseries", with(filter, "resolution", "minute")).getList("points." + field, Number.class);
        return values.stream().mapToLong(Number::longValue).sum();
    }

    long requests() {
        return minuteTotal("requests", Map.of());
    }

    /** Polls until analytics has counted at least {@code expected} requests (bounded), returns what it counts. */
    long awaitRequests(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long counted;
        while ((counted = requests()) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("analytics counts " + counted + " of " + expected + " requests after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
        return counted;
    }

    private static Map<String, Object> with(Map<String, ?> base, String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
