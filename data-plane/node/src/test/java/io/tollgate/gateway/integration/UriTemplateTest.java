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

    @Test
    void a_fixed_origin_can_be_left_out() {
        assertEquals("/v2/pets/4%202?a=b", new UriTemplate("https://backend:8443/v${stageVariables.v}/pets/{id}?a=b").withoutOrigin()
                .expand(Map.of("id", "4 2"), Map.of("v", "2")));
    }

    @Test
    void plain_values_are_used_as_they_are() {
        UriTemplate template = new UriTemplate("http://u/{id}/{path+}");
        assertEquals("http://u/Abc-1.2_x*/a/b.txt", template.expand(Map.of("id", "Abc-1.2_x*", "path", "a/b.txt"), Map.of()));
        assertEquals("http://u/%C3%A9%2B/a/%7E", template.expand(Map.of("id", "é+", "path", "a/~"), Map.of()));
    }
}
