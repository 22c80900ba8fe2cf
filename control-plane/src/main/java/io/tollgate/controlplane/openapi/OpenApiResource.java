package io.tollgate.controlplane.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.CurrentAccess;
import io.tollgate.controlplane.access.Permission;
import io.tollgate.controlplane.access.RequiresPermission;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.ProblemType;
import io.tollgate.controlplane.web.ETags;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tenants/{tenantId}/apis")
@Authenticated
@Tag(name = "OpenAPI import and export")
public class OpenApiResource {

    static final String YAML = "application/yaml";
    static final String TEXT_YAML = "text/yaml";
    private static final ObjectMapper YAML_WRITER = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    private static final ObjectMapper JSON_WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Inject
    OpenApiService service;

    @Inject
    CurrentAccess access;

    /** Largest document accepted, in bytes (UTF-8); larger ones answer 413 before any parsing. */
    @ConfigProperty(name = "tollgate.openapi.max-document-bytes")
    int maxDocumentBytes;

    @POST
    @Path("/import")
    @Consumes({MediaType.APPLICATION_JSON, YAML, TEXT_YAML})
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Import an API from OpenAPI", description = "Creates a new API from an OpenAPI 3.0 or 3.1 document "
            + "(JSON or YAML) with its routes, authorizers, models, CORS and validators, understanding the cloud gateway's "
            + "x-amazon-apigateway-* extensions. All or nothing: an invalid document answers 400 listing every problem. "
            + "The answer lists everything that was ignored as warnings.")
    public Uni<Response> importApi(@PathParam("tenantId") UUID tenantId, String document) {
        checkSize(document);
        return service.importNew(access.get(), document).map(result -> Response
                .created(URI.create("/v1/tenants/" + tenantId + "/apis/" + result.api().id()))
                .tag(ETags.of(result.api().version())).entity(result).build());
    }

    @PUT
    @Path("/{apiId}/definition")
    @Consumes({MediaType.APPLICATION_JSON, YAML, TEXT_YAML})
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Overwrite an API from OpenAPI", description = "Replaces the API's definition, routes and authorizers "
            + "with those of the document, in one transaction. The gateway keeps serving the deployed version until the next "
            + "deployment. A stale If-Match answers 412.")
    public Uni<Response> overwrite(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String document) {
        checkSize(document);
        return service.overwrite(access.get(), apiId, ifMatch, document)
                .map(result -> Response.ok(result).tag(ETags.of(result.api().version())).build());
    }

    @GET
    @Path("/{apiId}/definition")
    @Produces({MediaType.APPLICATION_JSON, YAML})
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "Export an API as OpenAPI", description = "The API as an OpenAPI 3.0 document with the cloud "
            + "gateway's x-amazon-apigateway-* extensions; importing it gives the same API again.")
    public Uni<Response> export(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                @Parameter(description = "json (default) or yaml") @QueryParam("format") @DefaultValue("json")
                                String format,
                                @Parameter(description = "Whether to include the x-amazon-apigateway-* extensions (default true); "
                                        + "without them the document only describes the API")
                                @QueryParam("extensions") @DefaultValue("true") boolean extensions) {
        boolean yaml = switch (format) {
            case "json" -> false;
            case "yaml" -> true;
            default -> throw ProblemException.invalid("format", "must be json or yaml");
        };
        return service.export(access.get(), apiId, extensions).map(doc -> {
            try {
                String text = (yaml ? YAML_WRITER : JSON_WRITER).writeValueAsString(doc);
                return Response.ok(text, yaml ? YAML : MediaType.APPLICATION_JSON).build();
            } catch (Exception e) {
                throw new IllegalStateException("cannot write the OpenAPI document", e);
            }
        });
    }

    private void checkSize(String document) {
        if (document != null && document.length() > maxDocumentBytes / 4
                && document.getBytes(StandardCharsets.UTF_8).length > maxDocumentBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The document is larger than " + maxDocumentBytes
                    + " bytes.");
        }
    }
}
