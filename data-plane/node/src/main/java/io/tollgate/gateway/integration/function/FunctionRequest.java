package io.tollgate.gateway.integration.function;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a function integration hands on about a request, independent of the HTTP server, so the
 * event format can be built and tested as plain data.
 *
 * @param fullPath  the path as the client sent it, with the stage or base path (raw)
 * @param routePath the path the route matched, without stage or base path (raw)
 * @param headers   header name (as sent) and value, in order, repeated names repeated
 * @param query     query parameter name and value, decoded, in order
 */
public record FunctionRequest(
        String method,
        String fullPath,
        String routePath,
        String routeTemplate,
        String rawQuery,
        List<Map.Entry<String, String>> query,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        String sourceIp,
        String requestId,
        String apiId,
        String stage,
        String domainName,
        Instant time,
        Map<String, String> pathParameters,
        Map<String, String> stageVariables) {
}
