package io.tollgate.gateway.integration.mapping;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code $util} of a mapping template, as the cloud gateway defines it. */
@RegisterForReflection // Velocity calls these methods reflectively
public final class TemplateUtil {

    public static final TemplateUtil INSTANCE = new TemplateUtil();

    private TemplateUtil() {
    }

    /** Escapes for a JavaScript (and JSON) string literal; the cloud gateway leaves single quotes as {@code \'}. */
    public String escapeJavaScript(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    public String urlEncode(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public String urlDecode(String text) {
        return text == null ? "" : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public String base64Encode(String text) {
        return text == null ? "" : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public String base64Decode(String text) {
        return text == null ? "" : new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }

    /** A JSON text as a value the template can navigate (maps, lists, strings, numbers). */
    public Object parseJson(String text) {
        Object value = Json.decodeValue(text);
        if (value instanceof JsonObject object) {
            return object.getMap();
        }
        return value instanceof JsonArray array ? array.getList() : value;
    }
}
