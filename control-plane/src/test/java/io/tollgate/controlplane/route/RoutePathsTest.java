package io.tollgate.controlplane.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.controlplane.problem.Violations;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RoutePathsTest {

    private static final List<RoutePaths.Existing> ROUTES = List.of(
            new RoutePaths.Existing("r1", "GET", "/pets/{id}"),
            new RoutePaths.Existing("r2", "ANY", "/{proxy+}"),
            new RoutePaths.Existing("r3", "POST", "/pets"));

    @Test
    void same_method_and_same_shape_with_other_parameter_names_conflicts() {
        assertEquals("r1", RoutePaths.conflict(ROUTES, null, "GET", "/pets/{petId}").orElseThrow().id());
        assertEquals("r2", RoutePaths.conflict(ROUTES, null, "ANY", "/{path+}").orElseThrow().id());
        assertEquals("r3", RoutePaths.conflict(ROUTES, null, "POST", "/pets").orElseThrow().id());
    }

    @Test
    void another_method_or_any_on_the_same_path_does_not_conflict() {
        assertTrue(RoutePaths.conflict(ROUTES, null, "DELETE", "/pets/{id}").isEmpty());
        assertTrue(RoutePaths.conflict(ROUTES, null, "ANY", "/pets/{id}").isEmpty());
        assertTrue(RoutePaths.conflict(ROUTES, null, "GET", "/{proxy+}").isEmpty());
    }

    @Test
    void a_literal_and_a_parameter_or_a_greedy_parameter_are_different_shapes() {
        assertTrue(RoutePaths.conflict(ROUTES, null, "GET", "/pets/mine").isEmpty());
        assertTrue(RoutePaths.conflict(ROUTES, null, "GET", "/pets/{id+}").isEmpty());
        assertEquals("/pets/{}/toys/{+}", RoutePaths.shape("/pets/{id}/toys/{rest+}"));
    }

    @Test
    void a_route_does_not_conflict_with_itself_when_replaced() {
        assertTrue(RoutePaths.conflict(ROUTES, "r1", "GET", "/pets/{petId}").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/pets", "/pets/{id}", "/pets/{id}/toys/{toyId}", "/{proxy+}", "/v1/pets.json", "/a/{b.c-d_e}"})
    void accepts_valid_path_templates(String path) {
        Violations v = new Violations();
        RoutePaths.check(v, path, "path");
        assertTrue(v.isEmpty(), () -> v.list().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pets|must start with /",
            "/pets//toys|must not contain empty segments (// or a trailing /)",
            "/pets/|must not contain empty segments (// or a trailing /)",
            "/{proxy+}/toys|greedy {proxy+} must be the last segment",
            "/pets/{id}/{id}|uses the parameter {id} twice",
            "/pets/{id|segment '{id' is neither a literal nor a {parameter}",
            "/pets/a{id}|segment 'a{id}' is neither a literal nor a {parameter}"})
    void rejects_invalid_path_templates_with_the_reason(String path, String reason) {
        Violations v = new Violations();
        RoutePaths.check(v, path, "path");
        assertEquals(reason, v.list().get(0).message());
    }

    @Test
    void methods_are_normalized_and_unknown_ones_rejected() {
        Violations v = new Violations();
        assertEquals("PATCH", RoutePaths.normalizeMethod(v, "patch"));
        assertTrue(v.isEmpty());
        RoutePaths.normalizeMethod(v, "CONNECT");
        assertFalse(v.isEmpty());
    }

    @Test
    void lists_the_parameters_of_a_path() {
        assertEquals(List.of("id", "rest"), RoutePaths.parameters("/pets/{id}/x/{rest+}"));
    }
}
