package io.tollgate.controlplane.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.CurrentAccess;
import io.tollgate.controlplane.access.Permission;
import io.tollgate.controlplane.access.RequiresPermission;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import io.tollgate.controlplane.web.Responses;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tenants/{tenantId}/apis")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "APIs")
public class ApiResource {

    @Inject
    ApiService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "List APIs", description = "The tenant's APIs. Cursor-paginated.")
    public Uni<Page<ApiView>> list(@PathParam("tenantId") UUID tenantId, @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        return service.list(access.get(), PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{apiId}")
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "Get an API", description = "The API with its ETag.")
    public Uni<Response> get(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId) {
        return service.get(access.get(), apiId).map(Responses::tagged);
    }

    @POST
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Create an API", description = "Developers and above. Every invalid field is listed in the 400.")
    public Uni<Response> create(@PathParam("tenantId") UUID tenantId, @NotNull ApiSpec body) {
        return service.create(access.get(), body).map(api -> Responses.created(api,
                "/v1/tenants/" + tenantId + "/apis/" + api.id()));
    }

    @PUT
    @Path("/{apiId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Replace an API", description = "Replaces the API's definition (not its routes or authorizers). "
            + "The gateway keeps serving the deployed version until the next deployment. A stale If-Match answers 412.")
    public Uni<Response> replace(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull ApiSpec body) {
        return service.replace(access.get(), apiId, ifMatch, body)
                .map(Responses::tagged);
    }

    @DELETE
    @Path("/{apiId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Delete an API", description = "Deletes it with its routes, authorizers, deployments and stages; "
            + "the gateway stops serving its stages.")
    public Uni<Response> delete(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(access.get(), apiId, ifMatch).map(Responses::noContent);
    }
}
