package io.tollgate.gateway.error;

import io.tollgate.contract.v1.GatewayResponseConfig;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.Map;

/**
 * Writes gateway errors: JSON {@code {"message", "type", "requestId"}} with the error type in a
 * header, unless the API overrides the response for that type.
 */
public final class GatewayResponder {

    public static final String ERROR_TYPE_HEADER = "x-tollgate-error-type";

    private GatewayResponder() {
    }

    public static void send(HttpServerResponse response, GatewayError error, String requestId,
            Map<String, GatewayResponseConfig> overrides, Map<String, String> extraHeaders) {
        send(response, error, requestId, overrides, extraHeaders, List.of());
    }

    /**
     * @param violations what was wrong with the request, each a sentence; in the default body as
     *                   {@code "violations"} (when there are any) and in templates as
     *                   {@code $context.error.validationErrorString}
     */
    public static void send(HttpServerResponse response, GatewayError error, String requestId,
            Map<String, GatewayResponseConfig> overrides, Map<String, String> extraHeaders, List<String> violations) {
        if (response.headWritten()) {
            response.reset(); // too late for a clean answer: cut the connection rather than lie
            return;
        }
        GatewayResponseConfig override = overrides == null ? null : overrides.get(error.name());
        int status = override != null && override.statusCode() != null ? override.statusCode() : error.status();
        String body = override != null && override.bodyTemplate() != null
                ? render(override.bodyTemplate(), error, requestId).replace("$context.error.validationErrorString",
                        new JsonArray(violations).encode())
                : "{\"message\":\"" + error.message() + "\",\"type\":\"" + error.name() + "\",\"requestId\":\"" + requestId + "\""
                        + (violations.isEmpty() ? "" : ",\"violations\":" + new JsonArray(violations).encode()) + "}";
        response.setStatusCode(status)
                .putHeader("content-type", "application/json")
                .putHeader(ERROR_TYPE_HEADER, error.name());
        extraHeaders.forEach(response::putHeader);
        if (override != null) {
            override.headers().forEach(response::putHeader);
        }
        response.end(body);
    }

    /** The few variables a gateway response template may use, as the cloud gateway names them. */
    static String render(String template, GatewayError error, String requestId) {
        return template.replace("$context.error.messageString", "\"" + error.message() + "\"")
                .replace("$context.error.message", error.message())
                .replace("$context.error.responseType", error.name())
                .replace("$context.requestId", requestId);
    }
}
