package io.tollgate.console.ui.apis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A route's request validation ({@code bodyModel}, {@code requiredQueryStrings}, {@code requiredHeaders})
 * as the route editor changes it: only the body model, everything else kept as stored.
 */
final class RouteValidation {

    private RouteValidation() {
    }

    static String bodyModel(JsonNode validation) {
        return validation == null || !validation.hasNonNull("bodyModel") ? null : validation.get("bodyModel").asText();
    }

    /** The validation with the body model set (or removed when blank); null when nothing is left to validate. */
    static JsonNode withBodyModel(JsonNode validation, String model) {
        ObjectNode changed = validation instanceof ObjectNode stored ? stored.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (model == null || model.isBlank()) {
            changed.remove("bodyModel");
        } else {
            changed.put("bodyModel", model);
        }
        boolean empty = true;
        for (JsonNode value : changed) {
            empty &= value.isNull() || (value.isArray() && value.isEmpty());
        }
        return empty ? null : changed;
    }
}
