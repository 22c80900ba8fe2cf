package io.tollgate.controlplane.usageplan;

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

@Path("/v1/tenants/{tenantId}/usage-plans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Usage plans")
public class UsagePlanResource {

    @Inject
    UsagePlanService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "List usage plans", description = "The tenant's usage plans. Cursor-paginated.")
    public Uni<Page<UsagePlanView>> list(@PathParam("tenantId") UUID tenantId, @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        return service.list(access.get(), PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{planId}")
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "Get a usage plan", description = "The plan with its ETag.")
    public Uni<Response> get(@PathParam("tenantId") UUID tenantId, @PathParam("planId") UUID planId) {
        return service.get(access.get(), planId).map(Responses::tagged);
    }

    @POST
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Create a usage plan", description = "Developers and above. Every invalid field is listed in the 400.")
    public Uni<Response> create(@PathParam("tenantId") UUID tenantId, @NotNull UsagePlanSpec body) {
        return service.create(access.get(), body).map(plan -> Responses.created(plan,
                "/v1/tenants/" + tenantId + "/usage-plans/" + plan.id()));
    }

    @PUT
    @Path("/{planId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Replace a usage plan", description = "The gateway applies the change to the plan's keys within "
            + "seconds. A stale If-Match answers 412.")
    public Uni<Response> replace(@PathParam("tenantId") UUID tenantId, @PathParam("planId") UUID planId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull UsagePlanSpec body) {
        return service.replace(access.get(), planId, ifMatch, body)
                .map(Responses::tagged);
    }

    @DELETE
    @Path("/{planId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Delete a usage plan", description = "409 while API keys are linked to it.")
    public Uni<Response> delete(@PathParam("tenantId") UUID tenantId, @PathParam("planId") UUID planId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(access.get(), planId, ifMatch).map(Responses::noContent);
    }
}
