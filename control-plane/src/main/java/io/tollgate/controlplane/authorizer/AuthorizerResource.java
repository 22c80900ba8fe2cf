package io.tollgate.controlplane.authorizer;

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

@Path("/v1/tenants/{tenantId}/apis/{apiId}/authorizers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authorizers")
public class AuthorizerResource {

    @Inject
    AuthorizerService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "List authorizers", description = "The API's authorizers. Cursor-paginated.")
    public Uni<Page<AuthorizerView>> list(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(access.get(), apiId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{authorizerId}")
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "Get an authorizer", description = "The authorizer with its ETag.")
    public Uni<Response> get(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                             @PathParam("authorizerId") UUID authorizerId) {
        return service.get(access.get(), apiId, authorizerId).map(Responses::tagged);
    }

    @POST
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Create an authorizer", description = "JWT or REQUEST; names are unique in the API (409).")
    public Uni<Response> create(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                @NotNull AuthorizerSpec body) {
        return service.create(access.get(), apiId, body).map(a -> Responses.created(a,
                "/v1/tenants/" + tenantId + "/apis/" + apiId + "/authorizers/" + a.id()));
    }

    @PUT
    @Path("/{authorizerId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Replace an authorizer", description = "Its type cannot change. A stale If-Match answers 412.")
    public Uni<Response> replace(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                 @PathParam("authorizerId") UUID authorizerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull AuthorizerSpec body) {
        return service.replace(access.get(), apiId, authorizerId, ifMatch, body)
                .map(Responses::tagged);
    }

    @DELETE
    @Path("/{authorizerId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Delete an authorizer", description = "Refused (409) while a route uses it.")
    public Uni<Response> delete(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                @PathParam("authorizerId") UUID authorizerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(access.get(), apiId, authorizerId, ifMatch).map(Responses::noContent);
    }
}
