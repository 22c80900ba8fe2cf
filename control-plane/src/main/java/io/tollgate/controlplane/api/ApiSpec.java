package io.tollgate.controlplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An API as the tenant writes it (create and replace), and as it is stored and snapshotted. Field
 * names mirror the data plane's {@code DeploymentConfig}, so translation is one-to-one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An API: its kind, API-key source, CORS, gateway-response overrides and validation models")
public record ApiSpec(
        @Schema(description = "Display name, 1–128 characters") String name,
        @Schema(description = "What it is for, up to 1024 characters") String description,
        @Schema(description = "REST, HTTP or WEBSOCKET") String kind,
        @Schema(description = "Where API keys are read: HEADER (x-api-key, the default) or AUTHORIZER") String apiKeySource,
        @Schema(description = "CORS; absent means the gateway answers no preflight itself") Cors cors,
        @Schema(description = "Overrides of gateway-made errors by error type, e.g. THROTTLED")
        Map<String, GatewayResponse> gatewayResponses,
        @Schema(description = "Request validation models by name, each a JSON Schema document (a JSON object)")
        Map<String, JsonNode> models,
        @Schema(description = "Content types treated as binary, e.g. image/png or */* (the cloud gateway's binary media types)")
        List<String> binaryMediaTypes) {

    public ApiSpec {
        gatewayResponses = gatewayResponses == null ? Map.of() : gatewayResponses;
        models = models == null ? Map.of() : models;
        binaryMediaTypes = binaryMediaTypes == null ? List.of() : binaryMediaTypes;
    }

    /** An API without binary media types. */
    public ApiSpec(String name, String description, String kind, String apiKeySource, Cors cors,
                   Map<String, GatewayResponse> gatewayResponses, Map<String, JsonNode> models) {
        this(name, description, kind, apiKeySource, cors, gatewayResponses, models, List.of());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "CORS of an API")
    public record Cors(
            @Schema(description = "Allowed origins, or * for any (not with allowCredentials)") List<String> allowOrigins,
            @Schema(description = "Allowed methods") List<String> allowMethods,
            @Schema(description = "Allowed request headers") List<String> allowHeaders,
            @Schema(description = "Response headers exposed to scripts") List<String> exposeHeaders,
            @Schema(description = "Whether credentials are allowed") Boolean allowCredentials,
            @Schema(description = "Preflight cache time, 0–86400 s") Integer maxAgeSeconds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Override of one gateway-made error; absent fields keep the default")
    public record GatewayResponse(
            @Schema(description = "Status code, 100–599") Integer statusCode,
            @Schema(description = "Extra response headers") Map<String, String> headers,
            @Schema(description = "Body template with $context.error.message, $context.requestId, …") String bodyTemplate) {
    }
}
