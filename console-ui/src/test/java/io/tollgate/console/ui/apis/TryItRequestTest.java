package io.tollgate.console.ui.apis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TryItRequestTest {

    @Test
    void finds_the_path_parameters_of_a_template() {
        assertEquals(List.of("id", "rest"), TryItRequest.parameters("/pets/{id}/files/{rest+}"));
    }

    @Test
    void fills_parameters_encoding_each_segment_but_keeping_greedy_slashes() {
        assertEquals("/prod/pets/a%20b/files/x/y.txt?limit=2",
                TryItRequest.path("prod", "/pets/{id}/files/{rest+}", Map.of("id", "a b", "rest", "x/y.txt"), "limit=2"));
        assertEquals("/dev/pets/%2F", TryItRequest.path("dev", "/pets/{id}", Map.of("id", "/"), ""));
    }

    @Test
    void reads_header_lines() {
        assertEquals(Map.of("Accept", "application/json", "X-Trace", "a:b"),
                TryItRequest.headers("Accept: application/json\n\nnot a header\nX-Trace: a:b"));
    }
}
