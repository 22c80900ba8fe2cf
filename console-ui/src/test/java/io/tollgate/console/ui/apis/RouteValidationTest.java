package io.tollgate.console.ui.apis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RouteValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void choosing_a_model_keeps_the_required_parameters_the_editor_does_not_show() throws Exception {
        JsonNode stored = JSON.readTree("{\"bodyModel\": \"Old\", \"requiredHeaders\": [\"x-client\"]}");
        JsonNode changed = RouteValidation.withBodyModel(stored, "Pet");
        assertEquals(JSON.readTree("{\"bodyModel\": \"Pet\", \"requiredHeaders\": [\"x-client\"]}"), changed);
        assertEquals("Old", RouteValidation.bodyModel(stored), "the stored document is not changed");
        assertEquals(JSON.readTree("{\"requiredHeaders\": [\"x-client\"]}"), RouteValidation.withBodyModel(stored, ""));
    }

    @Test
    void no_model_and_nothing_required_means_no_validation() throws Exception {
        assertNull(RouteValidation.withBodyModel(null, ""));
        assertNull(RouteValidation.withBodyModel(JSON.readTree("{\"bodyModel\": \"Pet\", \"requiredQueryStrings\": []}"), null));
        assertEquals(JSON.readTree("{\"bodyModel\": \"Pet\"}"), RouteValidation.withBodyModel(null, "Pet"));
        assertNull(RouteValidation.bodyModel(null));
    }
}
