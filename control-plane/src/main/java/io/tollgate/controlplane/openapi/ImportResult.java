package io.tollgate.controlplane.openapi;

import io.tollgate.controlplane.api.ApiView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The outcome of an OpenAPI import: the API as stored, what was created, and what was ignored")
public record ImportResult(
        @Schema(description = "The imported API") ApiView api,
        @Schema(description = "Number of routes created, one per operation") int routes,
        @Schema(description = "Number of authorizers created, one per security scheme with x-amazon-apigateway-authorizer")
        int authorizers,
        @Schema(description = "Every part of the document that was ignored, with its location and the reason")
        List<ImportWarning> warnings) {
}
