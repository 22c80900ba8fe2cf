package io.tollgate.console.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What a browser test needs to exist before the person looks at it, made through the real tenant API
 * with the person's own token (as a script of theirs would), and traffic sent through the real gateway.
 */
final class TenantFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String controlPlane;
    private final String token;

    TenantFixture(String controlPlane, String token) {
        this.controlPlane = controlPlane;
        this.token = token;
    }

    /** POSTs a JSON body and answers the JSON the API returned; anything but 2xx fails the test. */
    JsonNode post(String path, String body) {
        return call(HttpRequest.newBuilder(URI.create(controlPlane + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** PUTs a JSON body (create or replace) and answers the JSON the API returned. */
    JsonNode put(String path, String body) {
        return call(HttpRequest.newBuilder(URI.create(controlPlane + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode get(String url) {
        return call(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One HTTP/1.1 GET through the gateway to the API's default endpoint ({apiId}.{domain}), connecting
     * to the gateway's own address so that no DNS is needed; answers the status code.
     */
    static int callGateway(URI gateway, String host, String path, String apiKey) {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (apiKey == null ? "" : "x-api-key: " + apiKey + "\r\n") + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 200"
            in.readAllBytes();
            return Integer.parseInt(status.substring(9, 12));
        } catch (IOException e) {
            throw new IllegalStateException("gateway at " + gateway + ": " + e.getMessage(), e);
        }
    }
}
