package io.tollgate.controlplane.route;

import io.tollgate.controlplane.problem.Violations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Methods and path templates of routes, and when two routes conflict. Plain rules, no database.
 *
 * <p>Two routes conflict when they have the same method and the same path <em>shape</em>: the path with
 * parameter names erased. {@code /pets/{id}} and {@code /pets/{petId}} would match exactly the same
 * requests, so the gateway could not tell which one is meant. {@code ANY} does not conflict with a
 * concrete method on the same path: it serves the methods without a route of their own.
 */
public final class RoutePaths {

    public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "ANY");
    /** As the data plane's RouteConfig accepts them: a literal, {name} or a greedy {name+}. */
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%-]+");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_.-]+)(\\+?)}");
    public static final int MAX_LENGTH = 1024;

    private RoutePaths() {
    }

    /** A route already defined on the API, as far as conflicts are concerned. */
    public record Existing(String id, String method, String path) {
    }

    public static String normalizeMethod(Violations v, String method) {
        if (!v.required(method, "method")) {
            return null;
        }
        String upper = method.strip().toUpperCase(Locale.ROOT);
        v.reject(!METHODS.contains(upper), "method", "must be one of " + String.join(", ", METHODS));
        return upper;
    }

    /** Validates a path template, reporting each problem on {@code field}. */
    public static void check(Violations v, String path, String field) {
        if (!v.required(path, field)) {
            return;
        }
        if (!v.reject(path.length() > MAX_LENGTH, field, "must be at most " + MAX_LENGTH + " characters")
                || !v.reject(!path.startsWith("/"), field, "must start with /") || path.equals("/")) {
            return;
        }
        String[] segments = path.substring(1).split("/", -1);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                v.add(field, "must not contain empty segments (// or a trailing /)");
                return;
            }
            Matcher parameter = PARAMETER.matcher(segment);
            if (parameter.matches()) {
                if (!names.add(parameter.group(1))) {
                    v.add(field, "uses the parameter {" + parameter.group(1) + "} twice");
                }
                if (!parameter.group(2).isEmpty() && i != segments.length - 1) {
                    v.add(field, "greedy " + segment + " must be the last segment");
                }
            } else if (!LITERAL.matcher(segment).matches()) {
                v.add(field, "segment '" + segment + "' is neither a literal nor a {parameter}");
            }
        }
    }

    /** The names of the path's parameters, without the greedy {@code +}. */
    public static List<String> parameters(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The path with parameter names erased: {@code /pets/{id}} → {@code /pets/{}}, {@code /{proxy+}} → {@code /{+}}. */
    public static String shape(String path) {
        return PARAMETER.matcher(path).replaceAll(m -> m.group(2).isEmpty() ? "{}" : "{+}");
    }

    /** The existing route a new or changed one would conflict with, if any; {@code selfId} is the route being changed. */
    public static Optional<Existing> conflict(List<Existing> routes, String selfId, String method, String path) {
        String shape = shape(path);
        return routes.stream()
                .filter(r -> !r.id().equals(selfId))
                .filter(r -> r.method().equals(method) && shape(r.path()).equals(shape))
                .findFirst();
    }
}
