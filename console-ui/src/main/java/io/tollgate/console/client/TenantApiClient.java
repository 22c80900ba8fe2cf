package io.tollgate.console.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant REST API (control plane), called with the signed-in person's access token. Blocking:
 * Vaadin handles each browser round trip on a worker thread, never on an event loop.
 */
@ApplicationScoped
public class TenantApiClient {

    /** Lists are read whole, page by page, up to this many items: a console table, not an export. */
    static final int MAX_LIST_ITEMS = 2000;
    private static final int PAGE_SIZE = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    ConsoleSettings settings;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<AccessTokenCredential> accessToken;

    public <T> T get(String path, Class<T> type) {
        return send("GET", path, null, json.constructType(type));
    }

    public <T> T post(String path, Object body, Class<T> type) {
        return send("POST", path, body, json.constructType(type));
    }

    public <T> T put(String path, Object body, Class<T> type) {
        return send("PUT", path, body, json.constructType(type));
    }

    public <T> T patch(String path, Object body, Class<T> type) {
        return send("PATCH", path, body, json.constructType(type));
    }

    public void delete(String path) {
        send("DELETE", path, null, null);
    }

    /** Every item of a cursor-paginated list, following nextCursor (bounded by {@link #MAX_LIST_ITEMS}). */
    public <T> List<T> list(String path, Class<T> itemType) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        JavaType pageType = json.getTypeFactory().constructType(JsonNode.class);
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=" + PAGE_SIZE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode body = send("GET", page, null, pageType);
            for (JsonNode item : body.path("items")) {
                items.add(json.convertValue(item, itemType));
            }
            cursor = body.hasNonNull("nextCursor") ? body.get("nextCursor").asText() : null;
        } while (cursor != null && items.size() < MAX_LIST_ITEMS);
        return items;
    }

    /** A resource with its ETag, for a later If-Match (the version is not part of the body). */
    public record Tagged<T>(T body, String etag) {
    }

    /** Like {@link #get(String, Class)}, keeping the resource's ETag. */
    public <T> Tagged<T> getTagged(String path, Class<T> type) {
        return tagged(exchange("GET", path, null, null, null), type);
    }

    /**
     * Sends a document as it is (an OpenAPI file in JSON or YAML) with its media type; {@code ifMatch}
     * (an ETag, or null) guards an overwrite.
     */
    public <T> Tagged<T> sendDocument(String method, String path, byte[] document, String mediaType, String ifMatch,
                                      Class<T> type) {
        return tagged(exchange(method, path, HttpRequest.BodyPublishers.ofByteArray(document), mediaType, ifMatch), type);
    }

    private <T> Tagged<T> tagged(HttpResponse<byte[]> response, Class<T> type) {
        return new Tagged<>(read(response, json.constructType(type)), response.headers().firstValue("ETag").orElse(null));
    }

    /** A text the API renders (an exported OpenAPI document), read as UTF-8. */
    public String getText(String path, String accept) {
        HttpResponse<byte[]> response = exchange("GET", path, null, null, null, accept);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private <T> T send(String method, String path, Object body, JavaType type) {
        HttpRequest.BodyPublisher publisher = null;
        if (body != null) {
            try {
                publisher = HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
            }
        } else if (method.equals("POST")) {
            publisher = HttpRequest.BodyPublishers.ofString("{}");
        }
        return read(exchange(method, path, publisher, publisher == null ? null : "application/json", null), type);
    }

    private HttpResponse<byte[]> exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType,
                                          String ifMatch) {
        return exchange(method, path, body, contentType, ifMatch, "application/json, application/problem+json");
    }

    /** One request with the person's token; an error answer becomes an {@link ApiProblem}. */
    private HttpResponse<byte[]> exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType,
                                          String ifMatch, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.controlPlane().url() + path))
                .timeout(TIMEOUT)
                .header("Accept", accept)
                .header("Authorization", "Bearer " + accessToken.get().getToken());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 400) {
                throw problem(response);
            }
            return response;
        } catch (IOException e) {
            throw ApiProblem.unreachable("The tenant API", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unreachable("The tenant API", e);
        }
    }

    private <T> T read(HttpResponse<byte[]> response, JavaType type) {
        if (type == null || response.body().length == 0) {
            return null;
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ApiProblem(502, "Unreadable answer", "The tenant API answered something the console cannot read.",
                    List.of());
        }
    }

    private ApiProblem problem(HttpResponse<byte[]> response) {
        try {
            JsonNode problem = json.readTree(response.body());
            List<ApiProblem.Violation> violations = new ArrayList<>();
            for (JsonNode violation : problem.path("violations")) {
                violations.add(new ApiProblem.Violation(violation.path("field").asText(), violation.path("message").asText()));
            }
            return new ApiProblem(response.statusCode(), problem.path("title").asText(null),
                    problem.path("detail").asText(null), violations);
        } catch (IOException | RuntimeException e) { // not a problem document (a proxy's page, an empty 401)
            return new ApiProblem(response.statusCode(), "HTTP " + response.statusCode(),
                    response.statusCode() == 401 ? "Your session has ended; sign in again." : "The tenant API answered "
                            + response.statusCode() + ".", List.of());
        }
    }
}
