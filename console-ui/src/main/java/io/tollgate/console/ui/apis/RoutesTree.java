package io.tollgate.console.ui.apis;

import io.tollgate.console.client.Wire;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API's routes as a tree by path: /pets and /pets/{id} sit under /pets, each path segment a node,
 * the routes (method + integration) as leaves of the path they serve. Pure logic, unit-tested.
 */
public final class RoutesTree {

    /** A node: a path segment (route == null) or a route on the path above it. */
    public record Node(String label, String path, Wire.Route route, List<Node> children) {

        public boolean isRoute() {
            return route != null;
        }
    }

    private RoutesTree() {
    }

    public static List<Node> of(List<Wire.Route> routes) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Wire.Route route : routes.stream().sorted(Comparator.comparing(Wire.Route::path)
                .thenComparing(Wire.Route::method)).toList()) {
            Map<String, Object> level = root;
            for (String segment : segments(route.path())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) level.computeIfAbsent("/" + segment, k -> new LinkedHashMap<>());
                level = next;
            }
            @SuppressWarnings("unchecked")
            List<Wire.Route> here = (List<Wire.Route>) level.computeIfAbsent("", k -> new ArrayList<Wire.Route>());
            here.add(route);
        }
        return nodes(root, "");
    }

    @SuppressWarnings("unchecked")
    private static List<Node> nodes(Map<String, Object> level, String prefix) {
        List<Node> nodes = new ArrayList<>();
        for (Wire.Route route : (List<Wire.Route>) level.getOrDefault("", List.of())) {
            nodes.add(new Node(route.method(), route.path(), route, List.of()));
        }
        level.forEach((key, value) -> {
            if (!key.isEmpty()) {
                String path = prefix + key;
                nodes.add(new Node(key, path, null, nodes((Map<String, Object>) value, path)));
            }
        });
        return nodes;
    }

    private static List<String> segments(String path) {
        return path == null || path.equals("/") ? List.of()
                : List.of(path.replaceAll("^/+", "").split("/"));
    }
}
