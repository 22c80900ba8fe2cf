package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollgate.controlplane.route.RouteSpec;
import io.tollgate.controlplane.web.JsonDocs;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code x-amazon-apigateway-integration} both ways: http_proxy ↔ HTTP_PROXY, http ↔ HTTP, mock ↔ MOCK,
 * aws_proxy ↔ FUNCTION. Every property that is read is named; the rest is reported as a warning.
 */
final class IntegrationExtension {

    /** Properties of the cloud gateway's integration object that Tollgate does not use, with the reason. */
    private static final Map<String, String> IGNORED = Map.of(
            "passthroughBehavior", "bodies without a matching template pass through unchanged",
            "contentHandling", "bodies are passed on as they are, binary or text",
            "cacheKeyParameters", "response caching is configured on stages",
            "cacheNamespace", "response caching is configured on stages",
            "credentials", "Tollgate does not call AWS with IAM roles",
            "tlsConfig", "upstream TLS is checked against the platform's trust store",
            "integrationSubtype", "AWS service integrations are not supported",
            "connectionId", "Tollgate has no VPC links; the integration calls its uri directly");
    private static final String HEADER = "method.response.header.";
    /** The cloud gateway's Lambda invocation ARN; Tollgate calls the same function through Lambda's Invoke URL. */
    private static final Pattern LAMBDA_ARN = Pattern.compile(
            "arn:aws:apigateway:([a-z0-9-]+):lambda:path/(\\d{4}-\\d{2}-\\d{2}/functions/.+/invocations)");
    private static final Pattern STATUS_IN_TEMPLATE = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d{3})");

    private IntegrationExtension() {
    }

    /** The integration of a route with method {@code routeMethod}; null after reporting a violation. */
    static RouteSpec.Integration read(JsonNode x, String at, String routeMethod, boolean httpApi, Findings findings) {
        if (x == null || !x.isObject()) {
            findings.invalid(at, "must be an object");
            return null;
        }
        Set<String> read = new HashSet<>(List.of("type", "timeoutInMillis", "connectionType"));
        String connectionType = Nodes.text(x, "connectionType");
        if (connectionType != null && !connectionType.equalsIgnoreCase("INTERNET")) {
            findings.warn(at + ".connectionType", "ignored: Tollgate has no VPC links; the integration calls its uri directly");
        }
        Integer timeout = Nodes.integer(x, "timeoutInMillis");
        String type = Nodes.text(x, "type");
        RouteSpec.Integration integration = switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "http_proxy" -> httpProxy(x, at, routeMethod, timeout, read, findings);
            case "http" -> http(x, at, timeout, read, findings);
            case "mock" -> mock(x, at, read, findings);
            case "aws_proxy" -> function(x, at, httpApi, timeout, read, findings);
            case "aws" -> {
                findings.invalid(at + ".type", "AWS service integrations are not supported; use aws_proxy, http, http_proxy or mock");
                yield null;
            }
            case "" -> {
                findings.invalid(at + ".type", "is required");
                yield null;
            }
            default -> {
                findings.invalid(at + ".type", "must be one of http_proxy, http, mock, aws_proxy");
                yield null;
            }
        };
        for (String name : Nodes.fieldNames(x)) {
            if (!read.contains(name)) {
                findings.warn(at + "." + name, "ignored: " + IGNORED.getOrDefault(name, "not understood for " + type + " integrations"));
            }
        }
        return integration;
    }

    private static RouteSpec.Integration httpProxy(JsonNode x, String at, String routeMethod, Integer timeout, Set<String> read,
                                                   Findings findings) {
        read.addAll(List.of("uri", "httpMethod", "payloadFormatVersion", Extensions.TARGETS, Extensions.LOAD_BALANCING,
                Extensions.HEALTH_CHECK));
        // HTTP APIs write payloadFormatVersion 1.0 on every integration; for a proxy it means "pass the request on".
        String payloadFormat = Nodes.text(x, "payloadFormatVersion");
        if (payloadFormat != null && !payloadFormat.equals("1.0")) {
            findings.warn(at + ".payloadFormatVersion", "ignored: it applies to aws_proxy integrations only");
        }
        String httpMethod = Nodes.text(x, "httpMethod");
        if (httpMethod != null && !httpMethod.equalsIgnoreCase("ANY") && !httpMethod.equalsIgnoreCase(routeMethod)) {
            findings.warn(at + ".httpMethod", "ignored: an http_proxy integration forwards the request's own method");
        }
        List<RouteSpec.Target> targets = x.has(Extensions.TARGETS)
                ? List.of(JsonDocs.mapper().convertValue(x.get(Extensions.TARGETS), RouteSpec.Target[].class)) : null;
        RouteSpec.HealthCheck check = x.has(Extensions.HEALTH_CHECK)
                ? JsonDocs.mapper().convertValue(x.get(Extensions.HEALTH_CHECK), RouteSpec.HealthCheck.class) : null;
        return new RouteSpec.Integration("HTTP_PROXY", Nodes.text(x, "uri"), targets, Nodes.text(x, Extensions.LOAD_BALANCING),
                check, timeout, null, null, null, null, null, null, null, null, null);
    }

    private static RouteSpec.Integration http(JsonNode x, String at, Integer timeout, Set<String> read, Findings findings) {
        read.addAll(List.of("uri", "httpMethod", "requestParameters", "requestTemplates", "responses"));
        String method = Nodes.text(x, "httpMethod");
        if (method != null && method.equalsIgnoreCase("ANY")) {
            method = null;
        }
        Map<String, String> responseParameters = null;
        Map<String, String> responseTemplates = null;
        JsonNode responses = x.get("responses");
        for (String status : Nodes.fieldNames(responses)) {
            JsonNode response = responses.get(status);
            if (!status.equals("default")) {
                findings.warn(at + ".responses." + status, "ignored: the upstream's status is passed on; only the default "
                        + "response's responseParameters and responseTemplates are used");
                continue;
            }
            responseParameters = Nodes.stringMap(response.get("responseParameters"));
            responseTemplates = Nodes.stringMap(response.get("responseTemplates"));
            for (String name : Nodes.fieldNames(response)) {
                if (!name.equals("responseParameters") && !name.equals("responseTemplates") && !name.equals("statusCode")) {
                    findings.warn(at + ".responses.default." + name, "ignored: not understood");
                }
            }
        }
        return new RouteSpec.Integration("HTTP", Nodes.text(x, "uri"), null, null, null, timeout, method,
                Nodes.stringMap(x.get("requestParameters")), Nodes.stringMap(x.get("requestTemplates")), responseParameters,
                responseTemplates, null, null, null, null);
    }

    private static RouteSpec.Integration mock(JsonNode x, String at, Set<String> read, Findings findings) {
        read.addAll(List.of("requestTemplates", "responses"));
        Integer status = null;
        for (String template : Nodes.fieldNames(x.get("requestTemplates"))) {
            Matcher matcher = STATUS_IN_TEMPLATE.matcher(x.get("requestTemplates").get(template).asText());
            if (status == null && matcher.find()) {
                status = Integer.valueOf(matcher.group(1));
            }
        }
        Map<String, String> headers = null;
        String body = null;
        JsonNode responses = x.get("responses");
        for (String key : Nodes.fieldNames(responses)) {
            if (!key.equals("default")) {
                findings.warn(at + ".responses." + key, "ignored: a mock answers with its default response only");
                continue;
            }
            JsonNode response = responses.get(key);
            Integer declared = Nodes.integer(response, "statusCode");
            status = declared != null ? declared : status;
            Map<String, String> parameters = Nodes.stringMap(response.get("responseParameters"));
            if (parameters != null) {
                headers = new LinkedHashMap<>();
                for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                    String value = Nodes.unquoted(parameter.getValue());
                    if (!parameter.getKey().startsWith(HEADER) || value == null) {
                        findings.warn(at + ".responses.default.responseParameters." + parameter.getKey(),
                                "ignored: a mock sets headers to static values ('value') only");
                        continue;
                    }
                    headers.put(parameter.getKey().substring(HEADER.length()), value);
                }
            }
            Map<String, String> templates = Nodes.stringMap(response.get("responseTemplates"));
            if (templates != null && !templates.isEmpty()) {
                String contentType = templates.containsKey("application/json") ? "application/json" : templates.keySet().iterator().next();
                body = templates.get(contentType);
                if (templates.size() > 1) {
                    findings.warn(at + ".responses.default.responseTemplates", "ignored all but " + contentType
                            + ": a mock has one body");
                }
                boolean hasContentType = headers != null && headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"));
                if (!contentType.equals("application/json") && !hasContentType) {
                    headers = headers == null ? new LinkedHashMap<>() : headers;
                    headers.put("Content-Type", contentType);
                }
            }
        }
        return new RouteSpec.Integration("MOCK", null, null, null, null, null, null, null, null, null, null,
                status == null ? 200 : status, headers == null || headers.isEmpty() ? null : headers, body, null);
    }

    private static RouteSpec.Integration function(JsonNode x, String at, boolean httpApi, Integer timeout, Set<String> read,
                                                  Findings findings) {
        read.addAll(List.of("uri", "httpMethod", "payloadFormatVersion"));
        String httpMethod = Nodes.text(x, "httpMethod");
        if (httpMethod != null && !httpMethod.equalsIgnoreCase("POST")) {
            findings.warn(at + ".httpMethod", "ignored: functions are always invoked with POST");
        }
        String uri = functionUri(Nodes.text(x, "uri"), at + ".uri", findings);
        String version = Nodes.text(x, "payloadFormatVersion");
        return new RouteSpec.Integration("FUNCTION", uri, null, null, null, timeout, null, null, null, null, null, null, null, null,
                version != null ? version : httpApi ? "2.0" : "1.0");
    }

    /** A Lambda invocation ARN becomes Lambda's Invoke URL for the same function; an http(s) URL stays. */
    static String functionUri(String uri, String at, Findings findings) {
        Matcher arn = uri == null ? null : LAMBDA_ARN.matcher(uri);
        if (arn == null || !arn.matches()) {
            return uri;
        }
        findings.warn(at, "the Lambda ARN was replaced by Lambda's Invoke URL for the same function; Tollgate does not sign "
                + "requests with AWS credentials, so point it at a function URL or another HTTP endpoint of the function");
        return "https://lambda." + arn.group(1) + ".amazonaws.com/" + arn.group(2);
    }

    /** The integration as the cloud gateway writes it. */
    static ObjectNode write(RouteSpec.Integration i, String routeMethod) {
        ObjectNode x = Nodes.object();
        switch (i.type()) {
            case "HTTP_PROXY" -> {
                x.put("type", "http_proxy").put("httpMethod", routeMethod).put("uri", i.uri());
                if (i.targets() != null) {
                    x.set(Extensions.TARGETS, JsonDocs.mapper().valueToTree(i.targets()));
                }
                if (i.loadBalancing() != null) {
                    x.put(Extensions.LOAD_BALANCING, i.loadBalancing());
                }
                if (i.healthCheck() != null) {
                    x.set(Extensions.HEALTH_CHECK, JsonDocs.mapper().valueToTree(i.healthCheck()));
                }
            }
            case "HTTP" -> {
                x.put("type", "http");
                if (i.method() != null) {
                    x.put("httpMethod", i.method());
                }
                x.put("uri", i.uri());
                putMap(x, "requestParameters", i.requestParameters());
                putMap(x, "requestTemplates", i.requestTemplates());
                if (i.responseParameters() != null || i.responseTemplates() != null) {
                    ObjectNode response = Nodes.object().put("statusCode", "200");
                    putMap(response, "responseParameters", i.responseParameters());
                    putMap(response, "responseTemplates", i.responseTemplates());
                    x.set("responses", Nodes.object().set("default", response));
                }
            }
            case "MOCK" -> {
                x.put("type", "mock");
                x.set("requestTemplates", Nodes.object().put("application/json", "{\"statusCode\": " + i.statusCode() + "}"));
                ObjectNode response = Nodes.object().put("statusCode", Integer.toString(i.statusCode()));
                String contentType = "application/json";
                if (i.headers() != null) {
                    ObjectNode parameters = Nodes.object();
                    for (Map.Entry<String, String> header : i.headers().entrySet()) {
                        parameters.put(HEADER + header.getKey(), Nodes.quoted(header.getValue()));
                        contentType = header.getKey().equalsIgnoreCase("Content-Type") ? header.getValue() : contentType;
                    }
                    response.set("responseParameters", parameters);
                }
                if (i.body() != null) {
                    response.set("responseTemplates", Nodes.object().put(contentType, i.body()));
                }
                x.set("responses", Nodes.object().set("default", response));
            }
            default -> x.put("type", "aws_proxy").put("httpMethod", "POST").put("uri", i.uri())
                    .put("payloadFormatVersion", i.payloadFormatVersion());
        }
        if (i.timeoutMillis() != null) {
            x.put("timeoutInMillis", i.timeoutMillis());
        }
        return x;
    }

    private static void putMap(ObjectNode node, String field, Map<String, String> map) {
        if (map != null) {
            ObjectNode object = node.putObject(field);
            map.forEach(object::put);
        }
    }
}
