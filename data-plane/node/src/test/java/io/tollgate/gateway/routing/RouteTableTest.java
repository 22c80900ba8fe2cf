package io.tollgate.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static RouteTable<String> table() {
        RouteTable<String> table = new RouteTable<>();
        for (String route : new String[] {
                "GET /", "GET /pets", "POST /pets", "GET /pets/{id}", "DELETE /pets/{id}", "GET /pets/mine",
                "GET /pets/{id}/toys/{toyId}", "ANY /files/{path+}", "GET /files/readme",
                "GET /shop/{category}/items", "GET /shop/sale/{item}", "PUT /only/put", "ANY /{proxy+}",
                "GET /reports/{year}", "POST /reports/{proxy+}"}) {
            String[] parts = route.split(" ");
            table.add(parts[0], parts[1], route);
        }
        return table;
    }

    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("GET", "/", "GET /", Map.of()),
                Arguments.of("GET", "/pets", "GET /pets", Map.of()),
                Arguments.of("GET", "/pets/", "GET /pets", Map.of()),
                Arguments.of("POST", "/pets", "POST /pets", Map.of()),
                Arguments.of("GET", "/pets/42", "GET /pets/{id}", Map.of("id", "42")),
                Arguments.of("GET", "/pets/mine", "GET /pets/mine", Map.of()),
                Arguments.of("DELETE", "/pets/mine", "DELETE /pets/{id}", Map.of("id", "mine")),
                Arguments.of("HEAD", "/pets/7", "GET /pets/{id}", Map.of("id", "7")),
                Arguments.of("GET", "/pets/7/toys/ball%20red", "GET /pets/{id}/toys/{toyId}", Map.of("id", "7", "toyId", "ball red")),
                Arguments.of("GET", "/files/readme", "GET /files/readme", Map.of()),
                Arguments.of("GET", "/files/a/b/c.txt", "ANY /files/{path+}", Map.of("path", "a/b/c.txt")),
                Arguments.of("POST", "/files/readme", "ANY /files/{path+}", Map.of("path", "readme")),
                // exact "sale" leads nowhere for .../items: backtrack to {category}
                Arguments.of("GET", "/shop/sale/items", "GET /shop/sale/{item}", Map.of("item", "items")),
                Arguments.of("GET", "/shop/toys/items", "GET /shop/{category}/items", Map.of("category", "toys")),
                Arguments.of("GET", "/anything/else", "ANY /{proxy+}", Map.of("proxy", "anything/else")),
                Arguments.of("PATCH", "/pets/42", "ANY /{proxy+}", Map.of("proxy", "pets/42")),
                Arguments.of("GET", "/reports/2026/q1", "ANY /{proxy+}", Map.of("proxy", "reports/2026/q1")));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("matches")
    void picks_the_most_specific_route(String method, String path, String expected, Map<String, String> parameters) {
        RouteTable.Match<String> match = assertInstanceOf(RouteTable.Match.class, table().lookup(method, path));
        assertEquals(expected, match.route());
        assertEquals(parameters, match.pathParameters());
    }

    @Test
    void answers_not_found_when_no_path_matches() {
        RouteTable<String> table = new RouteTable<>();
        table.add("GET", "/pets/{id}", "pets");
        assertInstanceOf(RouteTable.NotFound.class, table.lookup("GET", "/owners/1"));
        assertInstanceOf(RouteTable.NotFound.class, table.lookup("GET", "/pets"));
        assertInstanceOf(RouteTable.NotFound.class, table.lookup("GET", "/pets/1/extra"));
    }

    @Test
    void answers_method_not_allowed_with_the_methods_of_the_most_specific_path() {
        RouteTable<String> table = new RouteTable<>();
        table.add("GET", "/pets/{id}", "get");
        table.add("DELETE", "/pets/{id}", "delete");
        table.add("PUT", "/pets/{id}/{proxy+}", "put-below");
        RouteTable.MethodNotAllowed<String> result = assertInstanceOf(RouteTable.MethodNotAllowed.class,
                table.lookup("POST", "/pets/1"));
        assertEquals(Set.of("DELETE", "GET", "HEAD"), result.allowed());
    }

    @Test
    void a_greedy_route_does_not_match_the_bare_prefix() {
        RouteTable<String> table = new RouteTable<>();
        table.add("ANY", "/files/{path+}", "files");
        assertInstanceOf(RouteTable.NotFound.class, table.lookup("GET", "/files"));
    }

    @Test
    void rejects_conflicting_routes_even_with_other_parameter_names() {
        RouteTable<String> table = new RouteTable<>();
        table.add("GET", "/pets/{id}", "a");
        assertThrows(IllegalArgumentException.class, () -> table.add("GET", "/pets/{petId}", "b"));
        table.add("POST", "/pets/{petId}", "c"); // another method is no conflict
    }

    @Test
    void keeps_parameter_names_of_each_route_on_a_shared_branch() {
        RouteTable<String> table = new RouteTable<>();
        table.add("GET", "/users/{userId}", "user");
        table.add("GET", "/users/{id}/posts", "posts");
        assertEquals(Map.of("userId", "9"), ((RouteTable.Match<String>) table.lookup("GET", "/users/9")).pathParameters());
        assertEquals(Map.of("id", "9"), ((RouteTable.Match<String>) table.lookup("GET", "/users/9/posts")).pathParameters());
    }
}
