package io.tollgate.controlplane.tenant;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.CallerResolver;
import io.tollgate.controlplane.access.CurrentAccess;
import io.tollgate.controlplane.access.Permission;
import io.tollgate.controlplane.access.RequiresPermission;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import io.tollgate.controlplane.web.Responses;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

@Path("/v1/tenants")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants")
public class TenantResource {

    @Inject
    TenantService service;

    @Inject
    CallerResolver callers;

    @Inject
    CurrentAccess access;

    @POST
    @Operation(summary = "Create an organization", description = "Creates a tenant; the signed-in person becomes its owner.")
    public Uni<Response> create(@Valid @NotNull TenantRequests.CreateTenant body) {
        return service.create(callers.current(), body).map(tenant -> Responses.created(tenant,
                "/v1/tenants/" + tenant.id()));
    }

    @GET
    @Operation(summary = "List my organizations", description = "The tenants the caller is a member of, with their role. "
            + "Cursor-paginated: ?limit= (1–200, default 50) and ?cursor= from nextCursor.")
    public Uni<Page<TenantView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(callers.current(), PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{tenantId}")
    @RequiresPermission(Permission.TENANT_READ)
    @Operation(summary = "Get an organization", description = "Answers 404 for a tenant the caller is not a member of.")
    public Uni<Response> get(@PathParam("tenantId") UUID tenantId) {
        return service.get(access.get()).map(Responses::tagged);
    }

    @PATCH
    @Path("/{tenantId}")
    @RequiresPermission(Permission.TENANT_WRITE)
    @Operation(summary = "Rename an organization", description = "Admins and owners. Send the ETag of the last read "
            + "as If-Match; a stale one answers 412.")
    public Uni<Response> update(@PathParam("tenantId") UUID tenantId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull TenantRequests.UpdateTenant body) {
        return service.update(access.get(), ifMatch, body)
                .map(Responses::tagged);
    }
}
