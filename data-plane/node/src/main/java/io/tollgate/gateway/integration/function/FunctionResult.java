package io.tollgate.gateway.integration.function;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A function's answer turned back into an HTTP response, as the cloud gateway does: statusCode,
 * headers, multiValueHeaders, cookies (2.0), body, isBase64Encoded. With format 2.0 a function may
 * also return any JSON without statusCode: that JSON becomes a 200 application/json body.
 */
public record FunctionResult(int statusCode, List<Map.Entry<String, String>> headers, byte[] body) {

    /** The function's answer could not be understood (answered as a 502 by the gateway). */
    public static final class MalformedResult extends RuntimeException {
        MalformedResult(String message) {
            super(message);
        }
    }

    public static FunctionResult parse(String payloadFormatVersion, byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8).trim();
        Object parsed;
        try {
            parsed = text.isEmpty() ? null : io.vertx.core.json.Json.decodeValue(text);
        } catch (DecodeException e) {
            throw new MalformedResult("function result is not JSON");
        }
        boolean v2 = "2.0".equals(payloadFormatVersion);
        if (!(parsed instanceof JsonObject object) || !object.containsKey("statusCode")) {
            if (v2 && parsed != null) { // 2.0: a plain JSON result is the body of a 200
                return new FunctionResult(200, List.of(Map.entry("content-type", "application/json")),
                        text.getBytes(StandardCharsets.UTF_8));
            }
            throw new MalformedResult("function result has no statusCode");
        }
        int status;
        try {
            status = Integer.parseInt(String.valueOf(object.getValue("statusCode")));
        } catch (NumberFormatException e) {
            throw new MalformedResult("statusCode is not a number");
        }
        if (status < 100 || status > 599) {
            throw new MalformedResult("statusCode " + status + " is not an HTTP status");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        JsonObject single = object.getJsonObject("headers");
        JsonObject multi = object.getJsonObject("multiValueHeaders");
        if (multi != null) {
            multi.forEach(entry -> {
                if (entry.getValue() instanceof JsonArray values) {
                    values.forEach(value -> headers.add(Map.entry(entry.getKey(), String.valueOf(value))));
                }
            });
        }
        if (single != null) {
            // a header given both ways: the multi-value list wins, as on the cloud gateway
            single.forEach(entry -> {
                if (multi == null || !multi.containsKey(entry.getKey())) {
                    headers.add(Map.entry(entry.getKey(), String.valueOf(entry.getValue())));
                }
            });
        }
        JsonArray cookies = v2 ? object.getJsonArray("cookies") : null;
        if (cookies != null) {
            cookies.forEach(cookie -> headers.add(Map.entry("set-cookie", String.valueOf(cookie))));
        }
        Object bodyValue = object.getValue("body");
        String body = bodyValue == null ? "" : bodyValue instanceof String s ? s : io.vertx.core.json.Json.encode(bodyValue);
        byte[] bytes;
        if (Boolean.TRUE.equals(object.getValue("isBase64Encoded"))) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new MalformedResult("body is not valid base64");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        return new FunctionResult(status, List.copyOf(headers), bytes);
    }
}
