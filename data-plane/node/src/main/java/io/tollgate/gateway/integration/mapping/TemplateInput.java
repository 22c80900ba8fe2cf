package io.tollgate.gateway.integration.mapping;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code $input} of a mapping template, as the cloud gateway defines it: {@code $input.body},
 * {@code $input.json('$.x')} (JSON text), {@code $input.path('$.x')} (a value the template can
 * use), {@code $input.params()} and {@code $input.params('name')} (path, then query string, then
 * header). The body is parsed as JSON only when a template asks, once.
 */
@RegisterForReflection // Velocity calls these methods reflectively
public final class TemplateInput {

    /** Compiled JSONPath expressions; templates use few distinct ones, bounded all the same. */
    private static final Map<String, JsonPath> PATHS = new ConcurrentHashMap<>();
    private static final int MAX_PATHS = 10_000;

    private final String body;
    private final Map<String, Map<String, String>> params;
    private Object parsed;
    private boolean isParsed;

    /** @param params {@code path}, {@code querystring} and {@code header}, each by name */
    public TemplateInput(String body, Map<String, String> path, Map<String, String> querystring, Map<String, String> header) {
        this.body = body == null ? "" : body;
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.put("path", path);
        all.put("querystring", querystring);
        all.put("header", header);
        this.params = all;
    }

    public String getBody() {
        return body;
    }

    public String json(String path) {
        Object value = path(path);
        return value == null ? "null" : Json.encode(value instanceof Map<?, ?> || value instanceof java.util.List<?> ? wrap(value) : value);
    }

    public Object path(String path) {
        JsonPath compiled = PATHS.size() < MAX_PATHS ? PATHS.computeIfAbsent(path, JsonPath::compile) : JsonPath.compile(path);
        return compiled.evaluate(parsed());
    }

    public Map<String, Map<String, String>> params() {
        return params;
    }

    public String params(String name) {
        for (Map<String, String> location : params.values()) {
            String value = location.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private Object parsed() {
        if (!isParsed) {
            isParsed = true;
            String text = body.trim();
            parsed = text.isEmpty() ? null : Json.decodeValue(text); // maps, lists and plain values
            if (parsed instanceof JsonObject object) {
                parsed = object.getMap();
            } else if (parsed instanceof JsonArray array) {
                parsed = array.getList();
            }
        }
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static Object wrap(Object value) {
        return value instanceof Map<?, ?> map ? new JsonObject((Map<String, Object>) map) : new JsonArray((java.util.List<Object>) value);
    }
}
