package io.tollgate.controlplane.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error the tenant API returns. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Stable URI identifying the kind of problem") URI type,
        @Schema(description = "Short summary of the kind of problem") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong in this occurrence") String detail,
        @Schema(description = "One entry per invalid field, on validation errors") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its JSON path in the request (or the query parameter name) and why. */
    public record Violation(
            @Schema(description = "Field path, e.g. `name` or `limit`") String field,
            @Schema(description = "Why the value is invalid") String message) {
    }
}
