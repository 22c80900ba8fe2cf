package io.tollgate.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tollgate.controlplane.problem.Problem;
import io.tollgate.controlplane.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRulesTest {

    @Test
    void normalizes_kind_and_defaults_the_api_key_source_to_header() {
        ApiSpec checked = ApiRules.check(new ApiSpec("  Pets ", null, "websocket", null, null, null, null));
        assertEquals("Pets", checked.name());
        assertEquals("WEBSOCKET", checked.kind());
        assertEquals("HEADER", checked.apiKeySource());
    }

    @Test
    void a_model_must_be_a_json_object() {
        ProblemException e = assertThrows(ProblemException.class, () -> ApiRules.check(new ApiSpec("Pets", null, "REST", null, null,
                null, Map.of("Pet", JsonNodeFactory.instance.arrayNode()))));
        assertEquals(List.of("models.Pet"), e.violations().stream().map(Problem.Violation::field).toList());
    }

    @Test
    void cors_credentials_cannot_go_with_any_origin() {
        ProblemException e = assertThrows(ProblemException.class, () -> ApiRules.check(new ApiSpec("Pets", null, "REST", null,
                new ApiSpec.Cors(List.of("*"), null, null, null, true, null), null, null)));
        assertEquals("cannot be combined with the origin *", e.violations().get(0).message());
    }

    @Test
    void the_kind_is_required_and_the_choices_are_named() {
        ProblemException e = assertThrows(ProblemException.class, () -> ApiRules.check(new ApiSpec("Pets", null, null, null, null,
                null, null)));
        assertEquals("is required; one of REST, HTTP, WEBSOCKET", e.violations().get(0).message());
    }
}
