package io.tollgate.gateway.integration.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionResultTest {

    private static FunctionResult parse(String version, String json) {
        return FunctionResult.parse(version, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void status_headers_multi_value_headers_and_body() {
        FunctionResult result = parse("1.0", """
                {"statusCode": 201, "headers": {"content-type": "text/plain", "x-one": "1"},
                 "multiValueHeaders": {"x-many": ["a", "b"], "x-one": ["overridden"]},
                 "body": "created", "isBase64Encoded": false}""");
        assertEquals(201, result.statusCode());
        assertEquals(List.of(Map.entry("x-many", "a"), Map.entry("x-many", "b"), Map.entry("x-one", "overridden"),
                Map.entry("content-type", "text/plain")), result.headers());
        assertEquals("created", new String(result.body(), StandardCharsets.UTF_8));
    }

    @Test
    void base64_bodies_are_decoded() {
        FunctionResult result = parse("2.0", "{\"statusCode\": \"200\", \"body\": \"iVBORw==\", \"isBase64Encoded\": true}");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, result.body());
    }

    @Test
    void cookies_of_format_2_become_set_cookie_headers() {
        FunctionResult result = parse("2.0", "{\"statusCode\": 200, \"cookies\": [\"a=1; Path=/\", \"b=2\"], \"body\": \"\"}");
        assertEquals(List.of(Map.entry("set-cookie", "a=1; Path=/"), Map.entry("set-cookie", "b=2")), result.headers());
    }

    @Test
    void format_2_turns_plain_json_into_a_200_json_body() {
        FunctionResult result = parse("2.0", "{\"message\": \"hi\"}");
        assertEquals(200, result.statusCode());
        assertEquals(List.of(Map.entry("content-type", "application/json")), result.headers());
        assertEquals("{\"message\": \"hi\"}", new String(result.body(), StandardCharsets.UTF_8));
    }

    @Test
    void format_1_needs_a_status_code() {
        assertThrows(FunctionResult.MalformedResult.class, () -> parse("1.0", "{\"message\": \"hi\"}"));
    }

    @Test
    void garbage_and_impossible_statuses_are_malformed() {
        assertThrows(FunctionResult.MalformedResult.class, () -> parse("2.0", "not json"));
        assertThrows(FunctionResult.MalformedResult.class, () -> parse("1.0", "{\"statusCode\": 999}"));
        assertThrows(FunctionResult.MalformedResult.class, () -> parse("1.0", "{\"statusCode\": 200, \"body\": \"%%\", \"isBase64Encoded\": true}"));
    }

    @Test
    void a_json_body_object_is_sent_as_json_text() {
        FunctionResult result = parse("2.0", "{\"statusCode\": 200, \"body\": {\"a\": 1}}");
        assertEquals("{\"a\":1}", new String(result.body(), StandardCharsets.UTF_8));
    }
}
