package io.tollgate.console.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backend of the browser test's API: a real HTTP server on loopback that the gateway proxies to.
 * {@code GET /pets/{id}} answers the pet as JSON and remembers the id it was asked for.
 */
final class Upstream implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<String> lastPetId = new AtomicReference<>();

    private Upstream(HttpServer server) {
        this.server = server;
    }

    static Upstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            Upstream upstream = new Upstream(server);
            server.createContext("/pets/", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/pets/".length());
                upstream.lastPetId.set(id);
                byte[] body = ("{\"id\":\"" + id.replace("\"", "") + "\",\"name\":\"Rex\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test's upstream on loopback", e);
        }
    }

    /** http://127.0.0.1:{port} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String lastPetId() {
        return lastPetId.get();
    }

    /** A copy of an OpenAPI template, under target/, with UPSTREAM replaced by this server's address. */
    Path document(Path template) {
        try {
            Path copy = Files.createDirectories(Path.of("target", "openapi")).resolve(template.getFileName());
            Files.writeString(copy, Files.readString(template).replace("UPSTREAM", url()));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
