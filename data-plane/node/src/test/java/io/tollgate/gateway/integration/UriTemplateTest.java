package io.tollgate.gateway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UriTemplateTest {

    @Test
    void fills_path_parameters_and_stage_variables() {
        UriTemplate template = new UriTemplate("http://${stageVariables.host}:8080/v${stageVariables.v}/pets/{id}?src=gw");
        assertEquals("http://backend:8080/v2/pets/42?src=gw",
                template.expand(Map.of("id", "42"), Map.of("host", "backend", "v", "2")));
    }

    @Test
    void encodes_parameter_values_but_keeps_slashes_of_greedy_ones() {
        UriTemplate template = new UriTemplate("http://u/{name}/files/{path+}");
        assertEquals("http://u/a%20b%2Fc/files/dir/x%20y.txt",
                template.expand(Map.of("name", "a b/c", "path", "dir/x y.txt"), Map.of()));
    }

    @Test
    void missing_values_expand_to_nothing() {
        assertEquals("http://u//x", new UriTemplate("http://u/${stageVariables.none}/x").expand(Map.of(), Map.of()));
    }

    @Test
    void knows_when_the_origin_is_fixed() {
        assertEquals(true, new UriTemplate("http://backend:8080/pets/{id}").hasStaticOrigin());
        assertEquals("http://backend:8080", new UriTemplate("http://backend:8080/${stageVariables.v}/pets").staticOrigin());
        assertEquals(false, new UriTemplate("http://${stageVariables.host}/pets").hasStaticOrigin());
        assertEquals(false, new UriTemplate("http://backend{x}/pets").hasStaticOrigin());
        assertEquals(false, new UriTemplate("{url}").hasStaticOrigin());
    }
}
