package io.tollgate.gateway.routing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Path templates ({@code /pets/{id}}, {@code /files/{path+}}) and request paths as segments. */
public final class PathTemplate {

    private PathTemplate() {
    }

    /** Segments of a path; a trailing slash and empty segments ({@code //}) are ignored. */
    public static List<String> requestSegments(String path) {
        List<String> segments = new ArrayList<>();
        int start = path.startsWith("/") ? 1 : 0;
        int length = path.length();
        while (start < length) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? length : slash;
            if (end > start) {
                segments.add(path.substring(start, end));
            }
            start = end + 1;
        }
        return segments;
    }

    public static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}") && !isGreedy(segment);
    }

    public static boolean isGreedy(String segment) {
        return segment.startsWith("{") && segment.endsWith("+}");
    }

    public static String parameterName(String segment) {
        return segment.substring(1, segment.length() - (isGreedy(segment) ? 2 : 1));
    }

    /** Percent-decodes a path value ({@code +} stays a plus sign in paths). */
    public static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
