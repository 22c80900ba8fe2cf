package io.tollgate.controlplane.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.tollgate.controlplane.web.Versioned;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An API of the tenant")
public record ApiView(
        @Schema(description = "API id") UUID id,
        @Schema(description = "Display name") String name,
        @Schema(description = "What it is for") String description,
        @Schema(description = "REST, HTTP or WEBSOCKET") String kind,
        @Schema(description = "HEADER or AUTHORIZER") String apiKeySource,
        @Schema(description = "CORS, when configured") ApiSpec.Cors cors,
        @Schema(description = "Gateway-response overrides by error type") Map<String, ApiSpec.GatewayResponse> gatewayResponses,
        @Schema(description = "Validation models by name (JSON Schema)") Map<String, JsonNode> models,
        @Schema(description = "Content types treated as binary") List<String> binaryMediaTypes,
        @Schema(description = "When it was created") Instant createdAt,
        @JsonIgnore @Schema(hidden = true) long version) implements Versioned {

    public static ApiView of(Api api) {
        ApiSpec spec = api.spec();
        return new ApiView(api.id, spec.name(), spec.description(), spec.kind(), spec.apiKeySource(), spec.cors(),
                spec.gatewayResponses(), spec.models(), spec.binaryMediaTypes(), api.createdAt, api.version);
    }
}
