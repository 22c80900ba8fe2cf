package io.tollgate.controlplane.route;

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

@Path("/v1/tenants/{tenantId}/apis/{apiId}/routes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Routes")
public class RouteResource {

    @Inject
    RouteService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "List routes", description = "The API's routes. Cursor-paginated.")
    public Uni<Page<RouteView>> list(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(access.get(), apiId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{routeId}")
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "Get a route", description = "The route with its ETag.")
    public Uni<Response> get(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                             @PathParam("routeId") UUID routeId) {
        return service.get(access.get(), apiId, routeId).map(Responses::tagged);
    }

    @POST
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Create a route", description = "A route with the same method and path shape as another "
            + "(/pets/{id} vs /pets/{petId}) conflicts: 409.")
    public Uni<Response> create(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId, @NotNull RouteSpec body) {
        return service.create(access.get(), apiId, body).map(route -> Responses.created(route,
                "/v1/tenants/" + tenantId + "/apis/" + apiId + "/routes/" + route.id()));
    }

    @PUT
    @Path("/{routeId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Replace a route", description = "A stale If-Match answers 412; a conflicting path 409.")
    public Uni<Response> replace(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                 @PathParam("routeId") UUID routeId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull RouteSpec body) {
        return service.replace(access.get(), apiId, routeId, ifMatch, body)
                .map(Responses::tagged);
    }

    @DELETE
    @Path("/{routeId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Delete a route", description = "Takes effect on the gateway with the next deployment.")
    public Uni<Response> delete(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                @PathParam("routeId") UUID routeId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(access.get(), apiId, routeId, ifMatch).map(Responses::noContent);
    }
}
