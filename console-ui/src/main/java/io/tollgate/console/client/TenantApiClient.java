package io.tollgate.console.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant REST API (control plane), called with the signed-in person's access token (see
 * {@link BearerHttp}).
 */
@ApplicationScoped
public class TenantApiClient {

    /** Lists are read whole, page by page, up to this many items: a console table, not an export. */
    static final int MAX_LIST_ITEMS = 2000;
    private static final int PAGE_SIZE = 200;
    private static final String SERVICE = "The tenant API";

    @Inject
    ConsoleSettings settings;

    @Inject
    BearerHttp http;

    public <T> T get(String path, Class<T> type) {
        return send("GET", path, null, http.type(type));
    }

    public <T> T post(String path, Object body, Class<T> type) {
        return send("POST", path, body, http.type(type));
    }

    public <T> T put(String path, Object body, Class<T> type) {
        return send("PUT", path, body, http.type(type));
    }

    public <T> T patch(String path, Object body, Class<T> type) {
        return send("PATCH", path, body, http.type(type));
    }

    public void delete(String path) {
        send("DELETE", path, null, null);
    }

    /** Every item of a cursor-paginated list, following nextCursor (bounded by {@link #MAX_LIST_ITEMS}). */
    public <T> List<T> list(String path, Class<T> itemType) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        JavaType pageType = http.type(JsonNode.class);
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=" + PAGE_SIZE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode body = send("GET", page, null, pageType);
            for (JsonNode item : body.path("items")) {
                items.add(http.json().convertValue(item, itemType));
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
        return tagged(http.exchange(SERVICE, url(path), "GET", null, null, null, BearerHttp.JSON), type);
    }

    /**
     * Sends a document as it is (an OpenAPI file in JSON or YAML) with its media type; {@code ifMatch}
     * (an ETag, or null) guards an overwrite.
     */
    public <T> Tagged<T> sendDocument(String method, String path, byte[] document, String mediaType, String ifMatch,
                                      Class<T> type) {
        return tagged(http.exchange(SERVICE, url(path), method, HttpRequest.BodyPublishers.ofByteArray(document), mediaType,
                ifMatch, BearerHttp.JSON), type);
    }

    /** A text the API renders (an exported OpenAPI document), read as UTF-8. */
    public String getText(String path, String accept) {
        return new String(http.download(SERVICE, url(path), accept), StandardCharsets.UTF_8);
    }

    private <T> Tagged<T> tagged(HttpResponse<byte[]> response, Class<T> type) {
        return new Tagged<>(http.read(SERVICE, response, http.type(type)), response.headers().firstValue("ETag").orElse(null));
    }

    private String url(String path) {
        return settings.controlPlane().url() + path;
    }

    private <T> T send(String method, String path, Object body, JavaType type) {
        return http.send(SERVICE, url(path), method, body, type);
    }
}
