package io.tollgate.gateway.policy.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.contract.v1.DeploymentConfig;
import io.tollgate.contract.v1.IntegrationConfig;
import io.tollgate.contract.v1.RouteConfig;
import io.tollgate.contract.v1.ValidationConfig;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestValidationPolicyTest {

    private static DeploymentConfig withModel(String model) {
        return new DeploymentConfig("d", "t", 1, "a", 1, DeploymentConfig.ApiKind.REST, null, List.of(
                new RouteConfig("r", "POST", "/x", null, new IntegrationConfig.Mock(200, Map.of(), ""),
                        new ValidationConfig("M", List.of(), List.of()))), List.of(), Map.of("M", model), null, Map.of());
    }

    @Test
    void a_model_that_is_not_a_schema_fails_the_deployment_naming_the_model() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestValidationPolicy.compile(withModel("{not json"), 1024));
        assertTrue(e.getMessage().startsWith("model M"), e.getMessage());
    }

    @Test
    void a_remote_ref_is_never_fetched() {
        String model = "{\"$ref\": \"http://127.0.0.1:9/elsewhere.json\"}";
        assertThrows(IllegalArgumentException.class, () -> {
            RequestValidationPolicy policy = RequestValidationPolicy.compile(withModel(model), 1024);
            assertFalse(policy == null);
        });
    }

    @Test
    void violations_are_bounded() {
        StringBuilder properties = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            properties.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"type\":\"integer\"}");
            body.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":\"text\"");
        }
        var schema = JsonSchemas.compile("M", "{\"properties\":{" + properties + "}}");
        assertEquals(RequestValidationPolicy.MAX_VIOLATIONS,
                RequestValidationPolicy.violations(schema, Buffer.buffer("{" + body + "}")).size());
    }

    @Test
    void json_content_types() {
        assertTrue(RequestValidationPolicy.isJson("application/json; charset=utf-8"));
        assertTrue(RequestValidationPolicy.isJson("application/merge-patch+json"));
        assertTrue(RequestValidationPolicy.isJson(null));
        assertFalse(RequestValidationPolicy.isJson("text/plain"));
    }
}
