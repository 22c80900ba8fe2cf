package io.tollgate.controlplane.openapi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something in an imported document that Tollgate did not take over, and why: nothing is dropped silently. */
@Schema(description = "A part of the imported document that was ignored, and why")
public record ImportWarning(
        @Schema(description = "Where in the document, e.g. paths./pets.get.x-amazon-apigateway-integration.connectionType")
        String path,
        @Schema(description = "What was ignored and why") String message) {
}
