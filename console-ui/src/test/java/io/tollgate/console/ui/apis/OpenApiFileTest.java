package io.tollgate.console.ui.apis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenApiFileTest {

    @Test
    void the_extension_decides_the_media_type() {
        assertEquals("application/json", file("pets.JSON", "openapi: 3.0.1").mediaType());
        assertEquals("application/yaml", file("pets.yml", "{}").mediaType());
        assertEquals("application/yaml", file("pets.yaml", "{}").mediaType());
    }

    @Test
    void without_a_known_extension_the_content_decides() {
        assertEquals("application/json", file("export", "\uFEFF \n {\"openapi\":\"3.0.1\"}").mediaType());
        assertEquals("application/yaml", file("export.txt", "openapi: 3.0.1\n").mediaType());
        assertEquals("application/yaml", file("empty", "").mediaType());
    }

    @Test
    void describes_the_file_with_a_readable_size() {
        assertEquals("pets.yaml (999 B)", new OpenApiFile("pets.yaml", new byte[999]).describe());
        assertEquals("pets.yaml (2.1 kB)", new OpenApiFile("pets.yaml", new byte[2100]).describe());
    }

    @Test
    void an_export_is_named_after_the_api() {
        assertEquals("pet-store.openapi.yaml", OpenApiExport.fileName("  Pet Store! ", "yaml"));
        assertEquals("api.openapi.json", OpenApiExport.fileName("***", "json"));
    }

    private static OpenApiFile file(String name, String text) {
        return new OpenApiFile(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
