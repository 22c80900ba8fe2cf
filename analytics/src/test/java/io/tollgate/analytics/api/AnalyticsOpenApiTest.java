package io.tollgate.analytics.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes each analytics question's range and filters, alike on every endpoint. */
@QuarkusTest
class AnalyticsOpenApiTest {

    private static final List<String> ENDPOINTS = List.of("timeseries", "top", "usage", "latency", "errors", "cache");
    private static final List<String> FILTERS = List.of("from", "to", "apiId", "stage", "route", "keyId");

    @Test
    void every_endpoint_documents_the_range_and_the_four_filters_with_a_description() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String endpoint : ENDPOINTS) {
            String operation = "paths.'/v1/tenants/{tenantId}/analytics/" + endpoint + "'.get";
            List<Map<String, Object>> parameters = openApi.getList(operation + ".parameters");
            assertFalse(parameters == null || parameters.isEmpty(), endpoint + " has no documented parameters");
            for (String filter : FILTERS) {
                List<Map<String, Object>> named = parameters.stream().filter(p -> filter.equals(p.get("name"))).toList();
                assertEquals(1, named.size(), endpoint + " documents " + filter + " once");
                Map<String, Object> parameter = named.getFirst();
                assertEquals("query", parameter.get("in"), endpoint + " " + filter);
                Object description = parameter.get("description");
                assertTrue(description instanceof String text && !text.isBlank(), endpoint + " " + filter + " has a description");
            }
        }
        // one wording everywhere: the same parameter is described the same way on every endpoint
        for (String filter : FILTERS) {
            long wordings = ENDPOINTS.stream().map(endpoint -> openApi.getList("paths.'/v1/tenants/{tenantId}/analytics/" + endpoint
                    + "'.get.parameters", Map.class).stream().filter(p -> filter.equals(p.get("name"))).findFirst().orElseThrow()
                    .get("description")).distinct().count();
            assertEquals(1, wordings, filter + " is described alike on all endpoints");
        }
    }
}
