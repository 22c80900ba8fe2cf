package io.tollgate.console.ui.apis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.console.client.Wire;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesTreeTest {

    private static Wire.Route route(String method, String path) {
        return new Wire.Route(method + path, method, path, null, null, null, null);
    }

    @Test
    void groups_routes_under_their_path_segments() {
        List<RoutesTree.Node> tree = RoutesTree.of(List.of(route("GET", "/pets/{id}"), route("POST", "/pets"),
                route("GET", "/pets"), route("GET", "/stores")));
        assertEquals(List.of("/pets", "/stores"), tree.stream().map(RoutesTree.Node::label).toList());
        RoutesTree.Node pets = tree.getFirst();
        assertEquals(List.of("GET", "POST", "/{id}"), pets.children().stream().map(RoutesTree.Node::label).toList());
        RoutesTree.Node id = pets.children().get(2);
        assertEquals("/pets/{id}", id.path());
        assertTrue(id.children().getFirst().isRoute());
        assertEquals("/pets/{id}", id.children().getFirst().route().path());
    }

    @Test
    void a_route_on_the_root_path_is_a_top_level_leaf() {
        List<RoutesTree.Node> tree = RoutesTree.of(List.of(route("ANY", "/")));
        assertEquals(1, tree.size());
        assertTrue(tree.getFirst().isRoute());
    }
}
