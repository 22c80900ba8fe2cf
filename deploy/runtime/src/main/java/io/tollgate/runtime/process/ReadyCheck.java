package io.tollgate.runtime.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Tells whether a started component answers yet. Implementations never block for long. */
@FunctionalInterface
public interface ReadyCheck {

    boolean isReady() throws Exception;

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Ready when a GET of the URL answers 200. */
    static ReadyCheck httpOk(String url) {
        URI uri = URI.create(url);
        return () -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        };
    }

    /** Ready when a TCP connection to the port succeeds. */
    static ReadyCheck tcp(String host, int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        };
    }
}
