package io.tollgate.gateway.events;

import io.tollgate.contract.v1.AccessEvent;
import io.tollgate.contract.v1.StageConfig;
import io.tollgate.gateway.error.GatewayResponder;
import io.tollgate.gateway.pipeline.Exchange;
import io.tollgate.gateway.pipeline.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** Turns an answered request into its access event (on the event loop: field copies only, no encoding). */
public final class AccessEvents {

    private AccessEvents() {
    }

    /** Body bytes read, or the declared length when the body was never read (mock integration, early error). */
    static long bytesIn(HttpServerRequest request) {
        long read = request.bytesRead();
        String declared = request.getHeader("content-length");
        if (read > 0 || declared == null) {
            return read;
        }
        try {
            return Math.max(0, Long.parseLong(declared));
        } catch (NumberFormatException malformed) {
            return 0;
        }
    }

    /**
     * @param stage    the stage the request reached, null when it reached none (unknown host, node not ready)
     * @param exchange the exchange, null when none was created (no stage)
     */
    public static AccessEvent of(HttpServerRequest request, StageConfig stage, Exchange exchange, String requestId,
            long epochMillis, long nanos) {
        HttpServerResponse response = request.response();
        String keyId = exchange == null || exchange.apiKey() == null ? null : exchange.apiKey().key().id();
        long integrationNanos = exchange == null ? -1 : exchange.integrationNanos();
        return new AccessEvent(RequestIds.newRequestId(), epochMillis,
                stage == null ? AccessEvent.NO_TENANT : stage.tenantId(),
                stage == null ? null : stage.apiId(),
                stage == null ? null : stage.name(),
                exchange == null ? null : exchange.routeTemplate(),
                request.method().name(), response.getStatusCode(), nanos / 1_000,
                integrationNanos < 0 ? -1 : integrationNanos / 1_000,
                bytesIn(request), response.bytesWritten(), keyId,
                exchange == null || exchange.cacheStatus() == null ? null : exchange.cacheStatus().name(),
                response.headers().get(GatewayResponder.ERROR_TYPE_HEADER),
                requestId,
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
    }
}
