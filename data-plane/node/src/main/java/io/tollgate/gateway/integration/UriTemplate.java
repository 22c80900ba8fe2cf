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
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeKeepingSlashes(String value) {
        return encode(value).replace("%2F", "/");
    }
}
