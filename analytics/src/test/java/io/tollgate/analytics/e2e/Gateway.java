package io.tollgate.analytics.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntPredicate;

/**
 * A client of one API's {@code prod} stage on a real gateway node, as a tenant's customers call it
 * (default endpoint: Host {@code {apiId}.gateway.localhost}). Every answered request goes into the
 * {@link Tally}: it yields one access event, so analytics must count it, warm-up polls included.
 * (The Host header needs {@code jdk.httpclient.allowRestrictedHeaders=host}, set by failsafe.)
 */
final class Gateway {

    /** HTTP/1.1 as curl speaks it to http:// URLs (the JDK client would otherwise try an h2c upgrade). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** The node's cache status header (docs/gateway-node.md). */
    private static final String CACHE_STATUS_HEADER = "x-tollgate-cache";
    private static final String ERROR_TYPE_HEADER = "x-tollgate-error-type";

    private final String baseUrl;
    private final String host;
    private final Tally tally;

    Gateway(String gatewayUrl, String apiId, Tally tally) {
        this.baseUrl = gatewayUrl + "/prod";
        this.host = apiId + ".gateway.localhost";
        this.tally = tally;
        if (!"host".equalsIgnoreCase(System.getProperty("jdk.httpclient.allowRestrictedHeaders"))) {
            throw new IllegalStateException("run with -Djdk.httpclient.allowRestrictedHeaders=host (failsafe sets it)");
        }
    }

    /** GET {@code path} with the key (null: none); returns the status, tallied under the key's id. */
    int get(String path, TenantFixture.Key key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Host", host)
                .timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("x-api-key", key.value());
        }
        try {
            HttpResponse<Void> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
            // the gateway names a key in the access event only once it accepted it: refused (API_KEY_INVALID while a new
            // key is still on its way to the node, API_KEY_NOT_ALLOWED …), the request is keyless there
            boolean keyRefused = response.headers().firstValue(ERROR_TYPE_HEADER).orElse("").startsWith("API_KEY_");
            tally.record(routeOf(path), key == null || keyRefused ? null : key.id(), response.statusCode(),
                    response.headers().firstValue(CACHE_STATUS_HEADER).orElse(null));
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The fixture's routes are {@code GET /<first segment>/{path+}}. */
    static String routeOf(String path) {
        return "GET /" + path.split("/")[1] + "/{path+}";
    }

    /** Polls until the answer satisfies {@code ready} (configuration propagating from the control plane). */
    void awaitServing(String path, TenantFixture.Key key, IntPredicate ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int last;
        while (!ready.test(last = get(path, key))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway still answers " + last + " for " + path + " after 90 s");
            }
            Thread.sleep(200);
        }
    }
}
