package io.tollgate.console.client;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends a "try it" request through the real gateway, to an API's default endpoint
 * ({apiId}.{gateway domain}) while connecting to the gateway's own address, so that it works without
 * DNS for the endpoint name. Vert.x's client, because it lets the Host header differ from the address.
 */
@ApplicationScoped
public class GatewayCaller {

    /** What the panel shows of a body; the rest is cut with a note. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long TIMEOUT_SECONDS = 35; // the longest integration timeout (29 s) and some

    /** Status, headers (in order, repeated names kept), the body as text, and the latency seen here. */
    public record Result(int status, List<Map.Entry<String, String>> headers, String body, boolean truncated,
                         double latencyMillis) {
    }

    @Inject
    ConsoleSettings settings;

    @Inject
    Vertx vertx;

    private HttpClient client;

    private synchronized HttpClient client() {
        if (client == null) {
            client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(8).setKeepAlive(true));
        }
        return client;
    }

    /** The stage's public base URL, as a person calls it (e.g. http://{apiId}.gateway.localhost:8000/prod). */
    public String invokeUrl(String apiId, String stage) {
        URI gateway = URI.create(settings.gateway().url());
        return "http://" + apiId + "." + settings.gateway().domain() + ":" + gateway.getPort() + "/" + stage;
    }

    /** Blocking (the console calls it on a worker thread); {@code pathAndQuery} starts with the stage. */
    public Result send(String apiId, String method, String pathAndQuery, Map<String, String> headers, String body) {
        URI gateway = URI.create(settings.gateway().url());
        RequestOptions options = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(gateway.getPort(), gateway.getHost()))
                .setHost(apiId + "." + settings.gateway().domain())
                .setPort(gateway.getPort())
                .setMethod(HttpMethod.valueOf(method))
                .setURI(pathAndQuery)
                .setTimeout(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        headers.forEach(options::addHeader);
        long begin = System.nanoTime();
        try {
            return client().request(options)
                    .compose(request -> body == null || body.isEmpty() ? request.send() : request.send(body))
                    .compose(response -> response.body().map(bytes -> {
                        double latency = (System.nanoTime() - begin) / 1e6;
                        List<Map.Entry<String, String>> received = new ArrayList<>();
                        response.headers().forEach(h -> received.add(Map.entry(h.getKey(), h.getValue())));
                        boolean cut = bytes.length() > MAX_BODY_BYTES;
                        Buffer shown = cut ? bytes.getBuffer(0, MAX_BODY_BYTES) : bytes;
                        return new Result(response.statusCode(), received, shown.toString(), cut, latency);
                    }))
                    .toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unreachable("The gateway", e);
        } catch (Exception e) {
            throw ApiProblem.unreachable("The gateway at " + settings.gateway().url(), e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
