package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollgate.controlplane.api.ApiSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code x-amazon-apigateway-gateway-responses} both ways: overrides of gateway-made errors by type. */
final class GatewayResponsesExtension {

    private static final String HEADER = "gatewayresponse.header.";

    private GatewayResponsesExtension() {
    }

    static Map<String, ApiSpec.GatewayResponse> read(JsonNode x, String at, Findings findings) {
        Map<String, ApiSpec.GatewayResponse> responses = new LinkedHashMap<>();
        for (String type : Nodes.fieldNames(x)) {
            JsonNode response = x.get(type);
            String here = at + "." + type;
            Map<String, String> headers = null;
            Map<String, String> parameters = Nodes.stringMap(response.get("responseParameters"));
            if (parameters != null) {
                headers = new LinkedHashMap<>();
                for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                    String value = Nodes.unquoted(parameter.getValue());
                    if (!parameter.getKey().startsWith(HEADER) || value == null) {
                        findings.warn(here + ".responseParameters." + parameter.getKey(),
                                "ignored: gateway responses set headers to static values ('value') only");
                    } else {
                        headers.put(parameter.getKey().substring(HEADER.length()), value);
                    }
                }
            }
            Map<String, String> templates = Nodes.stringMap(response.get("responseTemplates"));
            String body = null;
            if (templates != null && !templates.isEmpty()) {
                String contentType = templates.containsKey("application/json") ? "application/json" : templates.keySet().iterator().next();
                body = templates.get(contentType);
                templates.keySet().stream().filter(t -> !t.equals(contentType)).forEach(t -> findings.warn(
                        here + ".responseTemplates." + t, "ignored: a gateway response has one body template"));
            }
            for (String field : Nodes.fieldNames(response)) {
                if (!field.equals("statusCode") && !field.equals("responseParameters") && !field.equals("responseTemplates")) {
                    findings.warn(here + "." + field, "ignored: not understood");
                }
            }
            responses.put(type, new ApiSpec.GatewayResponse(Nodes.integer(response, "statusCode"),
                    headers == null || headers.isEmpty() ? null : headers, body));
        }
        return responses;
    }

    static ObjectNode write(Map<String, ApiSpec.GatewayResponse> responses) {
        ObjectNode x = Nodes.object();
        responses.forEach((type, response) -> {
            ObjectNode r = x.putObject(type);
            if (response.statusCode() != null) {
                r.put("statusCode", Integer.toString(response.statusCode()));
            }
            if (response.headers() != null) {
                ObjectNode parameters = r.putObject("responseParameters");
                response.headers().forEach((name, value) -> parameters.put(HEADER + name, Nodes.quoted(value)));
            }
            if (response.bodyTemplate() != null) {
                r.putObject("responseTemplates").put("application/json", response.bodyTemplate());
            }
        });
        return x;
    }
}
