package io.tollgate.gateway.integration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An integration URI template, parsed once: {@code {param}} and greedy {@code {param+}} take path
 * parameters (percent-encoded; a greedy value keeps its slashes), {@code ${stageVariables.name}}
 * takes a stage variable (inserted as configured).
 */
final class UriTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}|\\{([A-Za-z0-9_.-]+)(\\+?)}");

    private sealed interface Part {
    }

    private record Literal(String text) implements Part {
    }

    private record PathParameter(String name, boolean greedy) implements Part {
    }

    private record StageVariable(String name) implements Part {
    }

    private final List<Part> parts = new ArrayList<>();

    UriTemplate(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                parts.add(new Literal(template.substring(last, matcher.start())));
            }
            parts.add(matcher.group(1) != null ? new StageVariable(matcher.group(1))
                    : new PathParameter(matcher.group(2), !matcher.group(3).isEmpty()));
            last = matcher.end();
        }
        if (last < template.length()) {
            parts.add(new Literal(template.substring(last)));
        }
    }

    private UriTemplate(List<Part> parts) {
        this.parts.addAll(parts);
    }

    /**
     * The template of what follows the {@link #staticOrigin()} (path and query), so that a request to
     * a fixed upstream sets host and port once instead of parsing a whole URL per request.
     */
    UriTemplate withoutOrigin() {
        String origin = staticOrigin();
        if (origin == null) {
            throw new IllegalStateException("the origin is not fixed text");
        }
        List<Part> rest = new ArrayList<>(parts);
        rest.set(0, new Literal(((Literal) parts.getFirst()).text().substring(origin.length())));
        return new UriTemplate(rest);
    }

    /** Whether scheme, host and port are fixed text (placeholders only in the path or query). */
    boolean hasStaticOrigin() {
        return staticOrigin() != null;
    }

    /** {@code scheme://host[:port]} when fixed text, else null. */
    String staticOrigin() {
        if (parts.isEmpty() || !(parts.getFirst() instanceof Literal literal)) {
            return null;
        }
        int schemeEnd = literal.text().indexOf("://");
        int pathStart = schemeEnd < 0 ? -1 : literal.text().indexOf('/', schemeEnd + 3);
        return schemeEnd > 0 && pathStart > 0 ? literal.text().substring(0, pathStart) : null;
    }

    String expand(Map<String, String> pathParameters, Map<String, String> stageVariables) {
        StringBuilder out = new StringBuilder(64);
        for (Part part : parts) {
            switch (part) {
                case Literal literal -> out.append(literal.text());
                case StageVariable variable -> out.append(stageVariables.getOrDefault(variable.name(), ""));
                case PathParameter parameter -> {
                    String value = pathParameters.getOrDefault(parameter.name(), "");
                    out.append(parameter.greedy() ? encodeKeepingSlashes(value) : encode(value));
                }
            }
        }
        return out.toString();
    }

    private static String encode(String value) {
        return needsNoEncoding(value, false) ? value : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeKeepingSlashes(String value) {
        return needsNoEncoding(value, true) ? value : encode(value).replace("%2F", "/");
    }

    /**
     * True when {@link URLEncoder} would leave the value as it is (letters, digits, {@code - . _ *}),
     * and slashes too where they are kept: most path values (ids, names) are such, and then the value
     * is used without copying it twice.
     */
    private static boolean needsNoEncoding(String value, boolean slashesKept) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '*' || slashesKept && c == '/';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
