package io.tollgate.gateway.integration.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An integration's parameter mapping, compiled once: which header, query string or path parameter
 * of the integration request (or header of the method response) gets which value. Keys in either
 * notation: {@code integration.request.header.X} / {@code method.response.header.X} (REST APIs) or
 * {@code append:header.X}, {@code overwrite:querystring.X}, {@code remove:header.X} (HTTP APIs).
 */
public record ParameterMapping(List<Rule> rules) {

    public enum Location { HEADER, QUERYSTRING, PATH }

    public enum Action { SET, APPEND, REMOVE }

    public record Rule(Action action, Location location, String name, ParameterSource source) {
    }

    public static ParameterMapping parse(Map<String, String> mappings) {
        List<Rule> rules = new ArrayList<>();
        mappings.forEach((target, source) -> rules.add(rule(target, source)));
        // removals last, so that "remove" wins over a value set in the same mapping
        rules.sort((a, b) -> Boolean.compare(a.action() == Action.REMOVE, b.action() == Action.REMOVE));
        return new ParameterMapping(List.copyOf(rules));
    }

    private static Rule rule(String target, String source) {
        String t = target.trim();
        Action action = Action.SET;
        int colon = t.indexOf(':');
        if (colon > 0 && !t.startsWith("integration.") && !t.startsWith("method.")) {
            action = switch (t.substring(0, colon).toLowerCase(Locale.ROOT)) {
                case "append" -> Action.APPEND;
                case "overwrite" -> Action.SET;
                case "remove" -> Action.REMOVE;
                default -> throw new IllegalArgumentException("unsupported mapping action in " + target);
            };
            t = t.substring(colon + 1);
        }
        for (String prefix : new String[] {"integration.request.", "method.response."}) {
            if (t.startsWith(prefix)) {
                t = t.substring(prefix.length());
            }
        }
        int dot = t.indexOf('.');
        if (dot <= 0 || dot == t.length() - 1) {
            throw new IllegalArgumentException("mapping target must name a location and a parameter: " + target);
        }
        Location location = switch (t.substring(0, dot).toLowerCase(Locale.ROOT)) {
            case "header" -> Location.HEADER;
            case "querystring" -> Location.QUERYSTRING;
            case "path" -> Location.PATH;
            default -> throw new IllegalArgumentException("unsupported mapping location in " + target);
        };
        return new Rule(action, location, t.substring(dot + 1), action == Action.REMOVE ? null : ParameterSource.parse(source));
    }
}
