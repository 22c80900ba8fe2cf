package io.tollgate.controlplane.apikey;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.CurrentAccess;
import io.tollgate.controlplane.access.Permission;
import io.tollgate.controlplane.access.RequiresPermission;
import io.tollgate.controlplane.idempotency.ReturnsSecret;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import io.tollgate.controlplane.web.Responses;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import io.tollgate.controlplane.web.TenantApiDocumentation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tenants/{tenantId}/api-keys")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
public class ApiKeyResource {

    @Inject
    ApiKeyService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "List API keys", description = "Never includes key values. Cursor-paginated.")
    public Uni<Page<ApiKeyView>> list(@PathParam("tenantId") UUID tenantId, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        return service.list(access.get(), PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{keyId}")
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "Get an API key", description = "Its settings and ETag; never the value.")
    public Uni<Response> get(@PathParam("tenantId") UUID tenantId, @PathParam("keyId") UUID keyId) {
        return service.get(access.get(), keyId).map(Responses::tagged);
    }

    @POST
    @ReturnsSecret
    @Extension(name = TenantApiDocumentation.SECRET_ONCE, value = "true")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Create or import an API key", description = "Without value, a 256-bit value is generated and "
            + "returned in this response only; it is stored as a hash. With value, that existing value is imported and "
            + "not echoed. Callers send it in the x-api-key header.")
    public Uni<Response> create(@PathParam("tenantId") UUID tenantId, @NotNull ApiKeyRequests.CreateApiKey body) {
        return service.create(access.get(), body).map(key -> Responses.created(key,
                "/v1/tenants/" + tenantId + "/api-keys/" + key.id()));
    }

    @PATCH
    @Path("/{keyId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Change an API key", description = "Enable or disable it, rename it, change its expiry or plans; "
            + "absent fields keep their value. A stale If-Match answers 412.")
    public Uni<Response> patch(@PathParam("tenantId") UUID tenantId, @PathParam("keyId") UUID keyId,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull ApiKeyRequests.UpdateApiKey body) {
        return service.update(access.get(), keyId, ifMatch, body, false)
                .map(Responses::tagged);
    }

    @PUT
    @Path("/{keyId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Replace an API key's settings", description = "Absent fields get their defaults: enabled, "
            + "no expiry, no plans. The value never changes. A stale If-Match answers 412.")
    public Uni<Response> replace(@PathParam("tenantId") UUID tenantId, @PathParam("keyId") UUID keyId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull ApiKeyRequests.UpdateApiKey body) {
        return service.update(access.get(), keyId, ifMatch, body, true)
                .map(Responses::tagged);
    }

    @DELETE
    @Path("/{keyId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Delete an API key", description = "The gateway stops accepting it within seconds.")
    public Uni<Response> delete(@PathParam("tenantId") UUID tenantId, @PathParam("keyId") UUID keyId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(access.get(), keyId, ifMatch).map(Responses::noContent);
    }
}
