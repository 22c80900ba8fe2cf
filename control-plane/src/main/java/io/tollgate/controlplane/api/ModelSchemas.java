package io.tollgate.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Whether a validation model is a JSON Schema document of its dialect, checked against the dialect's
 * meta-schema. The dialect is chosen by {@code $schema}: draft-04 (the cloud gateway's, and the default)
 * or 2020-12 (OpenAPI 3.1's). The meta-schemas ship inside the validator library: nothing is fetched.
 */
public final class ModelSchemas {

    static final String DRAFT_04 = "http://json-schema.org/draft-04/schema#";
    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final Schema DRAFT_04_META = REGISTRY.getSchema(SchemaLocation.of(DRAFT_04));
    private static final Schema DRAFT_2020_12_META = REGISTRY.getSchema(SchemaLocation.of(DRAFT_2020_12));

    private ModelSchemas() {
    }

    /** Every way the schema breaks its dialect's meta-schema, as "location: problem"; empty when it is valid. */
    public static List<String> problems(JsonNode schema) {
        JsonNode declared = schema.get("$schema");
        String dialect = declared == null ? DRAFT_04 : declared.asText().replaceAll("#$", "");
        Schema meta;
        if (dialect.equals("http://json-schema.org/draft-04/schema") || dialect.equals(DRAFT_04)) {
            meta = DRAFT_04_META;
        } else if (dialect.equals(DRAFT_2020_12)) {
            meta = DRAFT_2020_12_META;
        } else {
            return List.of("$schema: must be " + DRAFT_04 + " (the default) or " + DRAFT_2020_12);
        }
        List<Error> errors = meta.validate(schema.toString(), InputFormat.JSON);
        return errors.stream().map(ModelSchemas::describe).toList();
    }

    private static String describe(Error error) {
        String message = error.getMessage();
        String location = error.getInstanceLocation() == null ? "$" : error.getInstanceLocation().toString();
        return message.startsWith(location) ? message : location + ": " + message;
    }
}
