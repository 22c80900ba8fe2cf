package io.tollgate.gateway.integration.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Lambda-proxy events, pinned by golden files in src/test/resources/lambda. After a deliberate
 * change of the format, regenerate them with
 * {@code ./mvnw -pl data-plane/node test -Dtest=LambdaEventsGoldenTest -Dgolden.update=true} and
 * review the diff.
 */
class LambdaEventsGoldenTest {

    static FunctionRequest request(byte[] body, String contentType) {
        return new FunctionRequest("POST", "/prod/pets/42/toys", "/pets/42/toys", "/pets/{id}/toys",
                "color=red&color=blue&size=L",
                List.of(Map.entry("color", "red"), Map.entry("color", "blue"), Map.entry("size", "L")),
                List.of(Map.entry("Host", "abc123.gateway.localhost"), Map.entry("User-Agent", "curl/8.5"),
                        Map.entry("Content-Type", contentType), Map.entry("Accept", "application/json"),
                        Map.entry("Accept", "text/plain"), Map.entry("Cookie", "session=s1; theme=dark")),
                body, "203.0.113.9", "0123456789abcdef0123456789abcdef", "abc123", "prod", "abc123.gateway.localhost",
                Instant.parse("2026-11-24T10:15:30.123Z"), Map.of("id", "42"), Map.of("version", "v2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "2.0"})
    void text_body_event_matches_the_golden_file(String version) throws Exception {
        JsonObject event = LambdaEvents.event(version, request("{\"name\":\"ball\"}".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertGolden("event-" + version + ".json", event);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "2.0"})
    void binary_body_travels_base64(String version) throws Exception {
        JsonObject event = LambdaEvents.event(version, request(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}, "image/png"));
        assertGolden("event-" + version + "-binary.json", event);
    }

    private static void assertGolden(String name, JsonObject actual) throws Exception {
        Path golden = Path.of("src/test/resources/lambda", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual.encodePrettily() + "\n");
        }
        JsonObject expected = new JsonObject(Files.readString(golden));
        assertEquals(expected.encodePrettily(), actual.encodePrettily(), name);
    }
}
