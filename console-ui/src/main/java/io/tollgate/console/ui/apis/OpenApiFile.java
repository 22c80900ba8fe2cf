package io.tollgate.console.ui.apis;

import java.util.Locale;

/**
 * An OpenAPI document a person chose to upload, kept as it is until they import it (so a refused import
 * can be tried again without choosing the file again), with the media type the tenant API expects for it.
 */
record OpenApiFile(String name, byte[] content) {

    /** The tenant API refuses larger documents (tollgate.openapi.max-document-bytes): say so before sending. */
    static final int MAX_BYTES = 1024 * 1024;

    static final String JSON = "application/json";
    static final String YAML = "application/yaml";

    /** JSON by the .json extension or, for other names, when the text starts like a JSON object; YAML otherwise. */
    String mediaType() {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        for (byte b : content) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) { // skip a UTF-8 BOM
                return b == '{' ? JSON : YAML;
            }
        }
        return YAML;
    }

    /** "petstore.yaml (2.1 kB)". */
    String describe() {
        return name + " (" + size(content.length) + ")";
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
    }
}
