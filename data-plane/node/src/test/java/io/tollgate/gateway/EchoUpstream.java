package io.tollgate.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback standing in for a tenant's backend: answers with what it
 * received (method, path, query, headers, body) as JSON; {@code /slow} answers after a second;
 * {@code /fn…} acts as a function endpoint that returns the Lambda event it got as its body.
 */
public final class EchoUpstream implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    public EchoUpstream() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject().put("method", request.method().name()).put("path", request.path())
                    .put("query", request.query()).put("headers", headers).put("body", body.toString());
            if (request.path().startsWith("/fn")) { // a function endpoint: the event comes back as the body
                JsonObject result = new JsonObject().put("statusCode", 201)
                        .put("headers", new JsonObject().put("x-fn", "yes").put("content-type", "application/json"))
                        .put("multiValueHeaders", new JsonObject().put("x-multi", new JsonArray().add("a").add("b")))
                        .put("cookies", new JsonArray().add("flavour=oat"))
                        .put("body", body.toString()).put("isBase64Encoded", false);
                request.response().putHeader("content-type", "application/json").end(result.encode());
                return;
            }
            long delay = request.path().endsWith("/slow") ? 1000 : 0;
            Runnable answer = () -> request.response().putHeader("content-type", "application/json")
                    .putHeader("x-upstream", "echo").putHeader("connection", "keep-alive, x-secret-hop")
                    .putHeader("x-secret-hop", "must not pass").setStatusCode(path(request.path())).end(echo.encode());
            if (delay > 0) {
                vertx.setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static int path(String path) {
        return path.endsWith("/created") ? 201 : 200;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
