package io.tollgate.gateway.policy.limits;

import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.policy.Policy;
import io.tollgate.gateway.policy.PolicyOrder;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * Request limits of the node (header count, total header size, URL length), answered with
 * documented gateway errors. The body limit is enforced where bodies flow (declared length at the
 * door, streamed bodies as they pass).
 */
public final class RequestLimitsPolicy implements Policy {

    private final int maxHeaders;
    private final int maxHeaderBytes;
    private final int maxUrlLength;

    public RequestLimitsPolicy(int maxHeaders, int maxHeaderBytes, int maxUrlLength) {
        this.maxHeaders = maxHeaders;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxUrlLength = maxUrlLength;
    }

    @Override
    public PolicyOrder order() {
        return PolicyOrder.REQUEST_LIMITS;
    }

    @Override
    public Future<Rejection> onRequest(Exchange exchange) {
        HttpServerRequest request = exchange.request();
        if (request.uri().length() > maxUrlLength) {
            return Rejection.of(GatewayError.URI_TOO_LONG, Map.of("connection", "close"));
        }
        MultiMap headers = request.headers();
        if (headers.size() > maxHeaders) {
            return Rejection.of(GatewayError.HEADERS_TOO_LARGE);
        }
        int bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes > maxHeaderBytes ? Rejection.of(GatewayError.HEADERS_TOO_LARGE) : CONTINUE;
    }
}
