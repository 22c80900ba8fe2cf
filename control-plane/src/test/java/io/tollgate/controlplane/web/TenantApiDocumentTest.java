package io.tollgate.controlplane.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.controlplane.idempotency.IdempotencyFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tenant API documents itself completely at /q/openapi: every operation has a summary and a description,
 * every schema property a description, every create the Idempotency-Key header (unless its answer holds a
 * secret shown once), and every operation its problem+json errors. New endpoints fail here until described.
 */
@QuarkusTest
class TenantApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void every_operation_and_schema_property_is_described() throws Exception {
        JsonNode doc = JsonDocs.mapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> undescribed = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey()) || !path.getKey().startsWith("/v1/")) {
                return;
            }
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (operation.path("summary").asText().isBlank() || operation.path("description").asText().isBlank()) {
                undescribed.add(where + ": summary or description");
            }
            if (!operation.path("responses").path("default").path("content").has("application/problem+json")) {
                undescribed.add(where + ": problem+json errors");
            }
            boolean idempotencyKey = false;
            for (JsonNode parameter : operation.path("parameters")) {
                idempotencyKey |= parameter.path("name").asText().equals(IdempotencyFilter.HEADER);
            }
            boolean secretOnce = path.getKey().endsWith("/api-keys") || path.getKey().endsWith("/access-tokens");
            if (op.getKey().equals("post") && idempotencyKey == secretOnce) {
                undescribed.add(where + (secretOnce ? ": must not offer " : ": must document ") + IdempotencyFilter.HEADER);
            }
        }));
        doc.path("components").path("schemas").fields().forEachRemaining(schema -> schema.getValue().path("properties").fields()
                .forEachRemaining(property -> {
                    if (property.getValue().path("description").asText().isBlank()) {
                        undescribed.add("schema " + schema.getKey() + "." + property.getKey());
                    }
                }));
        assertEquals(List.of(), undescribed);
    }
}
