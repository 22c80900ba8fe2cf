package io.tollgate.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.controlplane.web.JsonDocs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Models are checked against the meta-schema of their dialect: draft-04 by default, 2020-12 when they say so. */
class ModelSchemasTest {

    private static JsonNode json(String text) {
        try {
            return JsonDocs.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void valid_draft_04_and_2020_12_models_pass() {
        assertEquals(List.of(), ModelSchemas.problems(json("""
                {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 64},
                 "price": {"type": "number", "minimum": 0, "exclusiveMinimum": true}}}""")));
        assertEquals(List.of(), ModelSchemas.problems(json("""
                {"$schema": "http://json-schema.org/draft-04/schema#", "type": ["integer", "null"]}""")));
        assertEquals(List.of(), ModelSchemas.problems(json("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array",
                 "prefixItems": [{"type": "string"}], "exclusiveMinimum": 1}""")));
    }

    @Test
    void each_meta_schema_violation_is_reported() {
        List<String> problems = ModelSchemas.problems(json("""
                {"type": "objekt", "required": "name", "properties": {"age": {"minimum": "ten"}}}"""));
        assertEquals(List.of("/properties/age/minimum", "/required", "/type", "/type"),
                problems.stream().map(p -> p.substring(0, p.indexOf(':'))).sorted().toList(), problems.toString());
        assertTrue(problems.contains("/required: string found, array expected"), problems.toString());

        // draft-04 has a boolean exclusiveMinimum; in 2020-12 it is a number.
        assertEquals(1, ModelSchemas.problems(json("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "exclusiveMinimum": true}""")).size());
        assertEquals(List.of("$schema: must be http://json-schema.org/draft-04/schema# (the default) or "
                + "https://json-schema.org/draft/2020-12/schema"), ModelSchemas.problems(json("""
                {"$schema": "http://json-schema.org/draft-07/schema#"}""")));
    }
}
