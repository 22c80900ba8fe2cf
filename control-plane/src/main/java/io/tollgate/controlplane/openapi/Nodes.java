package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollgate.controlplane.web.JsonDocs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small, forgiving readers of extension values (the parser hands them over as plain maps and lists). */
final class Nodes {

    private Nodes() {
    }

    static JsonNode tree(Object extensionValue) {
        return extensionValue == null ? null : JsonDocs.mapper().valueToTree(extensionValue);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An integer that documents write as a number or as a string ("200"); null when absent or not a number. */
    static Integer integer(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    /** A list written as a JSON array or as one comma-separated string. */
    static List<String> strings(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> items.add(item.asText().strip()));
        } else {
            Arrays.stream(value.asText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        return items;
    }

    /** An object of strings, in document order; null when absent. */
    static Map<String, String> stringMap(JsonNode value) {
        if (value == null || !value.isObject()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), field.getValue().asText());
        }
        return map;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** A header value as the cloud gateway writes static values: in single quotes. */
    static String quoted(String value) {
        return "'" + value + "'";
    }

    /** The static value of a mapping expression such as {@code 'GET,POST'}, or null when it is not a static value. */
    static String unquoted(String expression) {
        if (expression == null) {
            return null;
        }
        String trimmed = expression.strip();
        return trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")
                ? trimmed.substring(1, trimmed.length() - 1) : null;
    }
}
