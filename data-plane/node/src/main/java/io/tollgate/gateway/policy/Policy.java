package io.tollgate.gateway.policy;

import io.tollgate.gateway.error.GatewayError;
import io.tollgate.gateway.pipeline.Exchange;
import io.vertx.core.Future;
import java.util.Map;

/**
 * One job on the request path (CORS, limits, keys, throttling, …), compiled from the configuration
 * when it is applied. Phase methods default to doing nothing. A policy that stops a request names a
 * stable gateway error; it never writes the response itself.
 */
public interface Policy {

    /** Going on: the one shared, already completed answer (no allocation per request). */
    Future<Rejection> CONTINUE = Future.succeededFuture();

    /** A policy that answered the request itself completes with this: the chain stops, quietly. */
    Rejection ANSWERED_REJECTION = new Rejection(null, Map.of());
    Future<Rejection> ANSWERED = Future.succeededFuture(ANSWERED_REJECTION);

    /** Why a request stops, with headers for the error response (e.g. Retry-After). */
    record Rejection(GatewayError error, Map<String, String> headers) {

        public static Future<Rejection> of(GatewayError error) {
            return Future.succeededFuture(new Rejection(error, Map.of()));
        }

        public static Future<Rejection> of(GatewayError error, Map<String, String> headers) {
            return Future.succeededFuture(new Rejection(error, headers));
        }
    }

    PolicyOrder order();

    /**
     * Before the integration. Completes with null to go on, with a rejection to stop; may also answer
     * the request itself (as a CORS preflight does) and complete with {@link #ANSWERED}.
     */
    default Future<Rejection> onRequest(Exchange exchange) {
        return CONTINUE;
    }

    /** Just before the response headers are written, whoever answered (integration or gateway). */
    default void onResponseHeaders(Exchange exchange) {
    }
}
