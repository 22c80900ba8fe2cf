package io.tollgate.console.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
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

    private <T> T send(String method, String path, Object body, JavaType type) {
        return http.send("The tenant API", settings.controlPlane().url() + path, method, body, type);
    }
}
