package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.ProblemType;
import io.tollgate.controlplane.web.JsonDocs;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading an OpenAPI 3.0 or 3.1 document, JSON or YAML. The Swagger parser validates it against the
 * specification and reports every structural problem; its messages become the violations of the problem
 * answer. It never fetches external {@code $ref}s: an import must not make the control plane call URLs.
 */
final class OpenApiDocuments {

    private static final ObjectMapper YAML = new YAMLMapper();
    /** Where a parser message points: "attribute paths.'/pets'(get).responses is missing", "paths.'/a/{id}'. Declared …". */
    private static final Pattern LOCATION = Pattern.compile("^(?:attribute )?((?:paths|components|info)[^\\s]*?)\\.?(?:\\s|$)");

    private OpenApiDocuments() {
    }

    /** The document as a tree; parser messages about unexpected attributes become warnings, all others violations. */
    static JsonNode parse(String text, Findings findings) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("document", "must be an OpenAPI 3.0 or 3.1 document, as JSON or YAML");
        }
        JsonNode tree;
        try {
            tree = text.stripLeading().startsWith("{") ? JsonDocs.mapper().readTree(text) : YAML.readTree(text);
        } catch (Exception e) {
            throw new ProblemException(ProblemType.VALIDATION, "The document is neither JSON nor YAML.",
                    List.of(new io.tollgate.controlplane.problem.Problem.Violation("document",
                            "is neither JSON nor YAML: " + firstLine(e.getMessage()))));
        }
        if (tree == null || !tree.isObject()) {
            throw ProblemException.invalid("document", "must be an object with openapi, info and paths");
        }
        if (tree.has("swagger")) {
            throw ProblemException.invalid("swagger", "OpenAPI 2.0 (Swagger) documents are not supported; convert it to OpenAPI 3");
        }
        String version = Nodes.text(tree, "openapi");
        if (version == null || !(version.startsWith("3.0") || version.startsWith("3.1"))) {
            throw ProblemException.invalid("openapi", "must be 3.0.x or 3.1.x");
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        for (String message : messages) {
            Matcher location = LOCATION.matcher(message);
            String field = location.find() ? location.group(1).replaceAll("'([^']*)'\\((\\w+)\\)", "$1.$2").replaceAll("'([^']*)'", "$1")
                    : message.startsWith("attribute ") ? message.split(" ")[1] : "document";
            if (message.contains("is unexpected") && field.startsWith("components.schemas.")) {
                continue; // schemas are kept whole as models (JSON Schema, e.g. with $schema), nothing is ignored
            }
            if (message.contains("is unexpected")) {
                findings.warn(field, "ignored: " + message);
            } else {
                findings.invalid(field, message);
            }
        }
        if (result.getOpenAPI() == null && messages.isEmpty()) {
            findings.invalid("document", "is not an OpenAPI document");
        }
        findings.throwIfInvalid();
        return tree;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
