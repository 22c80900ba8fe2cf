package io.tollgate.gateway.integration.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterMappingTest {

    @Test
    void understands_the_rest_api_notation() {
        ParameterMapping mapping = ParameterMapping.parse(new LinkedHashMap<>(Map.of(
                "integration.request.header.x-user", "method.request.header.x-caller",
                "integration.request.querystring.page", "method.request.querystring.p",
                "integration.request.path.id", "method.request.path.petId")));
        assertEquals(3, mapping.rules().size());
        assertEquals(new ParameterMapping.Rule(ParameterMapping.Action.SET, ParameterMapping.Location.HEADER, "x-user",
                new ParameterSource.RequestHeader("x-caller")), rule(mapping, "x-user"));
        assertEquals(new ParameterSource.RequestQuery("p"), rule(mapping, "page").source());
        assertEquals(new ParameterSource.RequestPath("petId"), rule(mapping, "id").source());
    }

    @Test
    void understands_the_http_api_notation_with_actions() {
        ParameterMapping mapping = ParameterMapping.parse(Map.of(
                "append:header.x-trace", "$context.requestId",
                "overwrite:querystring.v", "$stageVariables.version",
                "remove:header.x-internal", ""));
        assertEquals(ParameterMapping.Action.APPEND, rule(mapping, "x-trace").action());
        assertEquals(new ParameterSource.Context("requestId"), rule(mapping, "x-trace").source());
        assertEquals(new ParameterSource.StageVariable("version"), rule(mapping, "v").source());
        assertEquals(ParameterMapping.Action.REMOVE, mapping.rules().getLast().action(), "removals are applied last");
    }

    @Test
    void static_values_in_quotes_or_plain() {
        assertEquals(new ParameterSource.Static("fixed"), ParameterSource.parse("'fixed'"));
        assertEquals(new ParameterSource.Static("plain text"), ParameterSource.parse("plain text"));
    }

    @Test
    void response_mapping_reads_integration_response_headers() {
        ParameterMapping mapping = ParameterMapping.parse(Map.of("method.response.header.X-Out", "integration.response.header.X-Upstream"));
        assertEquals(new ParameterSource.IntegrationResponseHeader("x-upstream"), mapping.rules().getFirst().source());
    }

    @Test
    void rejects_what_it_cannot_do() {
        assertThrows(IllegalArgumentException.class, () -> ParameterMapping.parse(Map.of("integration.request.body.x", "'v'")));
        assertThrows(IllegalArgumentException.class, () -> ParameterMapping.parse(Map.of("integration.request.header", "'v'")));
        assertThrows(IllegalArgumentException.class, () -> ParameterMapping.parse(Map.of("rename:header.x", "'v'")));
        assertThrows(IllegalArgumentException.class, () -> ParameterSource.parse("method.request.body.x"));
    }

    private static ParameterMapping.Rule rule(ParameterMapping mapping, String name) {
        return mapping.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
