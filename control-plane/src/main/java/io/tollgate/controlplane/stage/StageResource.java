package io.tollgate.controlplane.stage;

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

@Path("/v1/tenants/{tenantId}/apis/{apiId}/stages")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stages")
public class StageResource {

    @Inject
    StageService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "List stages", description = "The API's stages. Cursor-paginated.")
    public Uni<Page<StageView>> list(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(access.get(), apiId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{name}")
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "Get a stage", description = "The stage with its ETag.")
    public Uni<Response> get(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                             @PathParam("name") String name) {
        return service.get(access.get(), apiId, name).map(Responses::tagged);
    }

    @PUT
    @Path("/{name}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Create or replace a stage", description = "201 when created, 200 when replaced. The gateway "
            + "serves the change within seconds. A stale If-Match answers 412.")
    public Uni<Response> put(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                             @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull StageSpec body) {
        return service.put(access.get(), apiId, name, ifMatch, body).map(put -> put.created()
                ? Responses.created(put.stage(), "/v1/tenants/" + tenantId + "/apis/" + apiId + "/stages/" + name)
                : Responses.tagged(put.stage()));
    }

    @POST
    @Path("/{name}/cache/flush")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Flush a stage's response cache", description = "Every gateway node stops answering from the "
            + "entries cached so far once it has the change (within seconds); they expire by their TTL.")
    public Uni<StageService.CacheFlush> flushCache(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                                   @PathParam("name") String name) {
        return service.flushCache(access.get(), apiId, name);
    }

    @DELETE
    @Path("/{name}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Delete a stage", description = "The gateway stops serving it.")
    public Uni<Response> delete(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(access.get(), apiId, name, ifMatch)
                .map(Responses::noContent);
    }
}
