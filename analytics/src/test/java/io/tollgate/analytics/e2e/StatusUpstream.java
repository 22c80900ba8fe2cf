package io.tollgate.analytics.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tenant's backend on loopback (a real HTTP server): answers {@code /…/<status>} with that status
 * and a small JSON body, so a test decides which 2xx, 4xx and 5xx the gateway passes on.
 */
final class StatusUpstream implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    StatusUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                int status = statusOf(path.substring(path.lastIndexOf('/') + 1));
                byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("content-type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    private static int statusOf(String segment) {
        try {
            int status = Integer.parseInt(segment);
            return status >= 200 && status <= 599 ? status : 200;
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    /** Base URL for an HTTP_PROXY integration. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
