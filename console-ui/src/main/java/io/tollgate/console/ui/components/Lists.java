package io.tollgate.console.ui.components;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How forms show lists and maps in one text field: "a, b" and "name=value" lines. */
public final class Lists {

    private Lists() {
    }

    public static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static String join(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    public static Map<String, String> pairs(String lines) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (lines != null) {
            for (String line : lines.split("\\R")) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    pairs.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
        }
        return pairs;
    }

    public static String lines(Map<String, String> pairs) {
        StringBuilder text = new StringBuilder();
        if (pairs != null) {
            pairs.forEach((k, v) -> text.append(text.isEmpty() ? "" : "\n").append(k).append('=').append(v));
        }
        return text.toString();
    }
}
