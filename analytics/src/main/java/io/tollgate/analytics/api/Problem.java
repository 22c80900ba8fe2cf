package io.tollgate.analytics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error the analytics API returns (same types as the tenant API). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Stable URI identifying the kind of problem") URI type,
        @Schema(description = "Short summary of the kind of problem") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong in this occurrence") String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String BASE = "https://tollgate.dev/problems/";
}
