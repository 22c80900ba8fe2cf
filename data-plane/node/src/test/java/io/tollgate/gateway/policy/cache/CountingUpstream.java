package io.tollgate.gateway.policy.cache;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real upstream on loopback whose every answer is different ({@code call-N}), so a test can tell
 * a cached answer from a fresh one. {@code ?cc=...} becomes the answer's Cache-Control header and
 * {@code ?size=n} pads the body to n bytes.
 */
public final class CountingUpstream implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    public CountingUpstream() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(ignored -> {
            String body = "call-" + calls.incrementAndGet();
            String size = request.getParam("size");
            if (size != null) {
                body = body + " " + "x".repeat(Math.max(0, Integer.parseInt(size) - body.length() - 1));
            }
            var response = request.response().putHeader("content-type", "text/plain").putHeader("x-upstream", "counting")
                    .putHeader("set-cookie", "session=secret");
            if (request.getParam("cc") != null) {
                response.putHeader("cache-control", request.getParam("cc"));
            }
            response.end(body);
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
