package io.tollgate.controlplane.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tollgate.controlplane.problem.Problem;
import io.tollgate.controlplane.problem.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteRulesTest {

    private static final RouteRules.ApiContext API = new RouteRules.ApiContext(Map.of("jwt-1", "JWT", "req-1", "REQUEST"),
            Set.of("Pet"));

    private static List<String> fieldsOf(RouteSpec spec) {
        ProblemException e = assertThrows(ProblemException.class, () -> RouteRules.check(spec, API));
        return e.violations().stream().map(Problem.Violation::field).toList();
    }

    @Test
    void fills_in_defaults_none_authorization_and_the_29_second_timeout() {
        RouteSpec checked = RouteRules.check(new RouteSpec("get", "/pets", null, RouteSpec.Integration.httpProxy(
                "https://backend.example.test/pets"), null), API);
        assertEquals("GET", checked.method());
        assertEquals("NONE", checked.authorization().type());
        assertEquals(29_000, checked.integration().timeoutMillis());
    }

    @Test
    void api_key_authorization_always_requires_a_key() {
        RouteSpec checked = RouteRules.check(new RouteSpec("GET", "/pets",
                new RouteSpec.Authorization("api_key", null, null, false), RouteSpec.Integration.mock(200, "ok"), null), API);
        assertEquals(Boolean.TRUE, checked.authorization().apiKeyRequired());
    }

    @Test
    void an_http_proxy_uri_may_only_use_parameters_of_the_path_and_stage_variables() {
        RouteRules.check(new RouteSpec("GET", "/pets/{id}", null,
                RouteSpec.Integration.httpProxy("http://${stageVariables.host}:8080/pets/{id}"), null), API);
        assertEquals(List.of("integration.uri"), fieldsOf(new RouteSpec("GET", "/pets/{id}", null,
                RouteSpec.Integration.httpProxy("http://backend/pets/{petId}"), null)));
    }

    @Test
    void an_http_proxy_uri_may_pass_on_a_greedy_path_parameter() {
        RouteRules.check(new RouteSpec("GET", "/files/{path+}", null,
                RouteSpec.Integration.httpProxy("http://127.0.0.1:9000/{path+}"), null), API);
        assertEquals(List.of("integration.uri"), fieldsOf(new RouteSpec("GET", "/files/{path+}", null,
                RouteSpec.Integration.httpProxy("http://127.0.0.1:9000/{other+}"), null)));
    }

    @Test
    void fields_of_another_integration_kind_are_rejected() {
        RouteSpec.Integration mockWithUri = new RouteSpec.Integration("MOCK", "http://x", null, null, null, 1000, null, null, null,
                null, null, 200, null, null, null);
        assertEquals(List.of("integration.timeoutMillis", "integration.uri"),
                fieldsOf(new RouteSpec("GET", "/a", null, mockWithUri, null)));
    }

    @Test
    void timeouts_are_between_50_ms_and_29_s() {
        RouteSpec.Integration tooShort = new RouteSpec.Integration("FUNCTION", "https://fn", null, null, null, 49, null, null,
                null, null, null, null, null, null, null);
        assertEquals(List.of("integration.timeoutMillis"), fieldsOf(new RouteSpec("GET", "/a", null, tooShort, null)));
        RouteSpec.Integration longest = new RouteSpec.Integration("FUNCTION", "https://fn", null, null, null, 29_000, null, null,
                null, null, null, null, null, null, null);
        assertEquals("2.0", RouteRules.check(new RouteSpec("GET", "/a", null, longest, null), API).integration()
                .payloadFormatVersion());
    }

    @Test
    void jwt_authorization_needs_a_jwt_authorizer_of_the_api() {
        assertEquals(List.of("authorization.authorizerId"), fieldsOf(new RouteSpec("GET", "/a",
                new RouteSpec.Authorization("JWT", "req-1", List.of("read"), null), RouteSpec.Integration.mock(200, ""), null)));
        assertEquals(List.of("authorization.authorizerId"), fieldsOf(new RouteSpec("GET", "/a",
                new RouteSpec.Authorization("JWT", "unknown", null, null), RouteSpec.Integration.mock(200, ""), null)));
        assertEquals(List.of("authorization.authorizerId"), fieldsOf(new RouteSpec("GET", "/a",
                new RouteSpec.Authorization("NONE", "jwt-1", null, null), RouteSpec.Integration.mock(200, ""), null)));
    }

    @Test
    void load_balancing_and_health_checks_need_targets() {
        RouteSpec.Integration noTargets = new RouteSpec.Integration("HTTP_PROXY", "http://backend/a", null, "WEIGHTED_ROUND_ROBIN",
                null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(List.of("integration.loadBalancing"), fieldsOf(new RouteSpec("GET", "/a", null, noTargets, null)));
    }

    @Test
    void validation_names_a_model_of_the_api() {
        assertEquals(List.of("validation.bodyModel"), fieldsOf(new RouteSpec("POST", "/a", null,
                RouteSpec.Integration.mock(200, ""), new RouteSpec.Validation("Toy", null, List.of(" ")))).subList(0, 1));
    }

    private static RouteSpec httpRoute(Map<String, String> requestTemplates, Map<String, String> responseTemplates) {
        return new RouteSpec("POST", "/pets", null, new RouteSpec.Integration("HTTP", "https://backend.example.test/pets", null,
                null, null, null, null, null, requestTemplates, null, responseTemplates, null, null, null, null), null);
    }

    @Test
    void http_integrations_keep_request_and_response_templates_by_lower_cased_content_type() {
        RouteSpec checked = RouteRules.check(httpRoute(Map.of("Application/JSON", "{\"pet\": $input.json('$')}"),
                Map.of("application/xml", "<pet>$input.path('$.name')</pet>")), API);
        assertEquals(Map.of("application/json", "{\"pet\": $input.json('$')}"), checked.integration().requestTemplates());
        assertEquals(Map.of("application/xml", "<pet>$input.path('$.name')</pet>"), checked.integration().responseTemplates());
    }

    @Test
    void templates_need_valid_content_types_and_bounded_sizes() {
        Map<String, String> request = new java.util.TreeMap<>(Map.of("json", "x", "application/json; charset=utf-8", "x",
                "text/plain", "y".repeat(RouteRules.MAX_TEMPLATE_LENGTH + 1)));
        Map<String, String> response = new java.util.LinkedHashMap<>();
        response.put("application/json", "a");
        response.put("APPLICATION/JSON", "b");
        assertEquals(List.of("integration.requestTemplates.application/json; charset=utf-8", "integration.requestTemplates.json",
                        "integration.requestTemplates.text/plain", "integration.responseTemplates.APPLICATION/JSON"),
                fieldsOf(httpRoute(request, response)));
        Map<String, String> many = new java.util.TreeMap<>();
        for (int n = 0; n <= RouteRules.MAX_TEMPLATES; n++) {
            many.put("application/x-" + n, "t");
        }
        assertEquals(List.of("integration.responseTemplates"), fieldsOf(httpRoute(null, many)));
    }

    @Test
    void response_templates_apply_to_http_integrations_only() {
        RouteSpec.Integration proxy = new RouteSpec.Integration("HTTP_PROXY", "https://backend.example.test", null, null, null,
                null, null, null, null, null, Map.of("application/json", "{}"), null, null, null, null);
        assertEquals(List.of("integration.responseTemplates"), fieldsOf(new RouteSpec("GET", "/a", null, proxy, null)));
    }
}
