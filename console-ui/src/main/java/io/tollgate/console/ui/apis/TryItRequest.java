package io.tollgate.console.ui.apis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds a try-it request from a route's path template and what the person typed. Pure, unit-tested. */
public final class TryItRequest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+?)(\\+?)}");

    private TryItRequest() {
    }

    /** Parameter names of a path template, in order: /pets/{id}/{rest+} → [id, rest]. */
    public static List<String> parameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * /{stage}{template with values}[?query]; a value is encoded as one segment, except a greedy
     * parameter's, whose slashes stay.
     */
    public static String path(String stage, String template, Map<String, String> values, String query) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "");
            String encoded = matcher.group(2).isEmpty() ? encodeSegment(value)
                    : String.join("/", java.util.Arrays.stream(value.split("/", -1)).map(TryItRequest::encodeSegment).toList());
            matcher.appendReplacement(path, Matcher.quoteReplacement(encoded));
        }
        matcher.appendTail(path);
        String q = query == null ? "" : query.trim();
        return "/" + stage + path + (q.isEmpty() ? "" : (q.startsWith("?") ? q : "?" + q));
    }

    /** "Name: value" lines (blank lines and lines without a colon are ignored). */
    public static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (lines == null) {
            return headers;
        }
        for (String line : lines.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
