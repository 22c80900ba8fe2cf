package io.tollgate.contract.v1;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route: method ({@code ANY} matches every method without a route of its own) and path template
 * with {@code {param}} segments and an optional greedy last segment {@code {name+}}.
 *
 * @param validation optional request validation; null when the route validates nothing
 */
public record RouteConfig(
        String id,
        String method,
        String path,
        AuthorizationConfig authorization,
        IntegrationConfig integration,
        ValidationConfig validation) {

    public static final String ANY = "ANY";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", ANY);
    private static final Pattern SEGMENT = Pattern.compile("[^/{}]+|\\{[A-Za-z0-9_.-]+\\+?}");

    public RouteConfig {
        Check.required(id, "id");
        method = Check.required(method, "method").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("route " + id + ": unsupported method " + method);
        }
        validatePath(id, Check.required(path, "path"));
        authorization = authorization == null ? AuthorizationConfig.NONE : authorization;
        Check.present(integration, "integration");
    }

    private static void validatePath(String id, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route " + id + ": path must start with /, got " + path);
        }
        if (path.equals("/")) {
            return;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("route " + id + ": invalid path segment '" + segment + "' in " + path);
            }
            if (segment.endsWith("+}") && i != segments.length - 1) {
                throw new IllegalArgumentException("route " + id + ": greedy " + segment + " must be the last segment of " + path);
            }
        }
    }
}
