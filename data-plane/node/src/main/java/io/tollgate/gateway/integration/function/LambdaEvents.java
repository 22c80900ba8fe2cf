package io.tollgate.gateway.integration.function;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Lambda-proxy integration event, in the two payload formats the cloud gateway documents:
 * 1.0 (REST APIs: single- and multi-value maps) and 2.0 (HTTP APIs: comma-joined values, raw
 * path and query, cookies apart, lower-case header names).
 */
public final class LambdaEvents {

    /** Account id field of the cloud format; Tollgate has none, tenants' functions may ignore it. */
    static final String ACCOUNT_ID = "tollgate";
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private LambdaEvents() {
    }

    public static JsonObject event(String payloadFormatVersion, FunctionRequest request) {
        return "1.0".equals(payloadFormatVersion) ? version1(request) : version2(request);
    }

    static JsonObject version1(FunctionRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.put(header.getKey(), header.getValue());
            multiHeaders.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).add(header.getValue());
        }
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, List<String>> multiQuery = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : request.query()) {
            query.put(parameter.getKey(), parameter.getValue());
            multiQuery.computeIfAbsent(parameter.getKey(), k -> new ArrayList<>()).add(parameter.getValue());
        }
        JsonObject identity = new JsonObject()
                .put("sourceIp", request.sourceIp())
                .put("userAgent", firstHeader(request, "user-agent"));
        JsonObject context = new JsonObject()
                .put("accountId", ACCOUNT_ID)
                .put("apiId", request.apiId())
                .put("domainName", request.domainName())
                .put("domainPrefix", domainPrefix(request.domainName()))
                .put("extendedRequestId", request.requestId())
                .put("httpMethod", request.method())
                .put("identity", identity)
                .put("path", request.fullPath())
                .put("protocol", "HTTP/1.1")
                .put("requestId", request.requestId())
                .put("requestTime", CLF_TIME.format(request.time()))
                .put("requestTimeEpoch", request.time().toEpochMilli())
                .put("resourceId", null)
                .put("resourcePath", request.routeTemplate())
                .put("stage", request.stage());
        Body body = Body.of(request);
        return new JsonObject()
                .put("version", "1.0")
                .put("resource", request.routeTemplate())
                .put("path", request.routePath())
                .put("httpMethod", request.method())
                .put("headers", new JsonObject(new LinkedHashMap<>(headers)))
                .put("multiValueHeaders", multi(multiHeaders))
                .put("queryStringParameters", query.isEmpty() ? null : new JsonObject(new LinkedHashMap<>(query)))
                .put("multiValueQueryStringParameters", multiQuery.isEmpty() ? null : multi(multiQuery))
                .put("requestContext", context)
                .put("pathParameters", request.pathParameters().isEmpty() ? null : new JsonObject(new LinkedHashMap<>(request.pathParameters())))
                .put("stageVariables", request.stageVariables().isEmpty() ? null : new JsonObject(new LinkedHashMap<>(request.stageVariables())))
                .put("body", body.text())
                .put("isBase64Encoded", body.base64());
    }

    static JsonObject version2(FunctionRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
                continue;
            }
            headers.merge(name, header.getValue(), (a, b) -> a + "," + b);
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : request.query()) {
            query.merge(parameter.getKey(), parameter.getValue(), (a, b) -> a + "," + b);
        }
        String routeKey = request.method() + " " + request.routeTemplate();
        JsonObject http = new JsonObject()
                .put("method", request.method())
                .put("path", request.fullPath())
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", request.sourceIp())
                .put("userAgent", headers.getOrDefault("user-agent", ""));
        JsonObject context = new JsonObject()
                .put("accountId", ACCOUNT_ID)
                .put("apiId", request.apiId())
                .put("domainName", request.domainName())
                .put("domainPrefix", domainPrefix(request.domainName()))
                .put("http", http)
                .put("requestId", request.requestId())
                .put("routeKey", routeKey)
                .put("stage", request.stage())
                .put("time", CLF_TIME.format(request.time()))
                .put("timeEpoch", request.time().toEpochMilli());
        Body body = Body.of(request);
        JsonObject event = new JsonObject()
                .put("version", "2.0")
                .put("routeKey", routeKey)
                .put("rawPath", request.fullPath())
                .put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        if (!cookies.isEmpty()) {
            event.put("cookies", new JsonArray(new ArrayList<>(cookies)));
        }
        event.put("headers", new JsonObject(new LinkedHashMap<>(headers)));
        if (!query.isEmpty()) {
            event.put("queryStringParameters", new JsonObject(new LinkedHashMap<>(query)));
        }
        event.put("requestContext", context);
        if (body.text() != null) {
            event.put("body", body.text());
        }
        if (!request.pathParameters().isEmpty()) {
            event.put("pathParameters", new JsonObject(new LinkedHashMap<>(request.pathParameters())));
        }
        event.put("isBase64Encoded", body.base64());
        if (!request.stageVariables().isEmpty()) {
            event.put("stageVariables", new JsonObject(new LinkedHashMap<>(request.stageVariables())));
        }
        return event;
    }

    private static JsonObject multi(Map<String, List<String>> values) {
        JsonObject json = new JsonObject();
        values.forEach((name, list) -> json.put(name, new JsonArray(new ArrayList<>(list))));
        return json;
    }

    private static String firstHeader(FunctionRequest request, String name) {
        return request.headers().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static String domainPrefix(String domainName) {
        if (domainName == null) {
            return null;
        }
        int dot = domainName.indexOf('.');
        return dot < 0 ? domainName : domainName.substring(0, dot);
    }

    /** The request body as event text: as is when it is text, base64 otherwise; null when empty. */
    private record Body(String text, boolean base64) {

        static Body of(FunctionRequest request) {
            if (request.body() == null || request.body().length == 0) {
                return new Body(null, false);
            }
            String contentType = request.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                    .map(Map.Entry::getValue).findFirst().orElse("");
            if (BinaryMedia.isText(contentType)) {
                return new Body(new String(request.body(), StandardCharsets.UTF_8), false);
            }
            return new Body(Base64.getEncoder().encodeToString(request.body()), true);
        }
    }
}
