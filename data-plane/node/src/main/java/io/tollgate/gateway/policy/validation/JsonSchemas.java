package io.tollgate.gateway.policy.validation;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles request models (JSON Schema) once per configuration: draft-04 unless the model names
 * another dialect in {@code $schema} (e.g. 2020-12), as the cloud gateway's models are draft-04.
 * Remote {@code $ref}s are never fetched: nothing on the request path waits for the network,
 * and a tenant's model must not make the node call arbitrary URLs.
 */
final class JsonSchemas {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));

    private JsonSchemas() {
    }

    /** @throws IllegalArgumentException naming the model when it is not a usable schema */
    static Schema compile(String name, String model) {
        try {
            JsonNode node = JSON.readTree(model);
            Schema schema = REGISTRY.getSchema(node);
            schema.initializeValidators(); // resolve everything now, not on the first request
            return schema;
        } catch (RuntimeException e) { // JacksonException included
            throw new IllegalArgumentException("model " + name + " is not a valid JSON Schema: " + e.getMessage(), e);
        }
    }
}
