package io.tollgate.gateway.integration.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateInputTest {

    private final TemplateInput input = new TemplateInput("""
            {"name": "Rex", "tags": ["a", "b"], "owner": {"first": "Ann", "pets": [{"n": 1}, {"n": 2}]}, "odd key": true}""",
            Map.of("id", "7"), Map.of("q", "x", "id", "query-id"), Map.of("x-h", "h"));

    @Test
    void json_gives_json_text_and_path_gives_values() {
        assertEquals("\"Rex\"", input.json("$.name"));
        assertEquals("[\"a\",\"b\"]", input.json("$.tags"));
        assertEquals("{\"n\":2}", input.json("$.owner.pets[-1]"));
        assertEquals("null", input.json("$.missing"));
        assertEquals("Rex", input.path("$['name']"));
        assertEquals(true, input.path("$['odd key']"));
        assertEquals(List.of(1, 2), input.path("$.owner.pets[*].n"));
        assertEquals("b", input.path("$.tags[1]"));
        assertNull(input.path("$.tags[5]"));
    }

    @Test
    void params_look_in_path_then_query_string_then_header() {
        assertEquals("7", input.params("id"));
        assertEquals("x", input.params("q"));
        assertEquals("h", input.params("x-h"));
        assertNull(input.params("nope"));
        assertEquals(Map.of("q", "x", "id", "query-id"), input.params().get("querystring"));
    }

    @Test
    void unsupported_json_paths_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> JsonPath.compile("name"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.compile("$..name"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.compile("$.a[?(@.x)]"));
    }

    @Test
    void util_functions_match_the_cloud_gateways() {
        TemplateUtil util = TemplateUtil.INSTANCE;
        assertEquals("say \\\"hi\\\"\\nit\\'s", util.escapeJavaScript("say \"hi\"\nit's"));
        assertEquals("a+b%26c", util.urlEncode("a b&c"));
        assertEquals("a b&c", util.urlDecode("a+b%26c"));
        assertEquals("aGk=", util.base64Encode("hi"));
        assertEquals("hi", util.base64Decode("aGk="));
        assertEquals(Map.of("a", 1), util.parseJson("{\"a\":1}"));
    }

    @Test
    void a_template_that_does_not_parse_is_refused_when_compiled() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MappingTemplate.compile("request template x", "#if("));
        assertEquals(true, e.getMessage().startsWith("mapping template request template x"));
    }
}
