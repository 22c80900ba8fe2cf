package io.tollgate.gateway.policy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * Reads the body of an answer from a tenant's server (identity provider, authorizer endpoint, an
 * upstream whose answer a template maps), refusing more than a limit: the node's memory is shared
 * by all tenants.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The body of a 200 answer of at most {@code maxBytes}; fails (and resets the stream) otherwise. */
    public static Future<Buffer> of200(HttpClientResponse response, int maxBytes) {
        if (response.statusCode() != 200) {
            response.request().reset();
            return Future.failedFuture("status " + response.statusCode());
        }
        return of(response, maxBytes);
    }

    /** The body of an answer of at most {@code maxBytes}, whatever its status; fails (and resets the stream) otherwise. */
    public static Future<Buffer> of(HttpClientResponse response, long maxBytes) {
        String length = response.getHeader("content-length");
        if (length != null && Long.parseLong(length) > maxBytes) {
            response.request().reset();
            return Future.failedFuture("answer larger than " + maxBytes + " bytes");
        }
        Promise<Buffer> body = Promise.promise();
        Buffer collected = Buffer.buffer();
        response.handler(chunk -> {
            if (collected.length() + chunk.length() > maxBytes) {
                response.request().reset();
                body.tryFail("answer larger than " + maxBytes + " bytes");
                return;
            }
            collected.appendBuffer(chunk);
        });
        response.exceptionHandler(body::tryFail);
        response.endHandler(end -> body.tryComplete(collected));
        return body.future();
    }
}
