package io.tollgate.controlplane.deployment;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.CurrentAccess;
import io.tollgate.controlplane.access.Permission;
import io.tollgate.controlplane.access.RequiresPermission;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tenants/{tenantId}/apis/{apiId}/deployments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Deployments")
public class DeploymentResource {

    @Inject
    DeploymentService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "List deployments", description = "Newest first. Cursor-paginated.")
    public Uni<Page<DeploymentView>> list(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(access.get(), apiId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{deploymentId}")
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "Get a deployment", description = "The snapshot as deployed; later edits of the API never change it.")
    public Uni<DeploymentView> get(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId,
                                   @PathParam("deploymentId") UUID deploymentId) {
        return service.get(access.get(), apiId, deploymentId);
    }

    @POST
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Deploy the API", description = "Snapshots the API as it is now as deployment number n+1. With "
            + "stageName, also points that stage at it (creating the stage if needed) in the same transaction. "
            + "An API that cannot be served (no routes, a missing model) answers 409.")
    public Uni<Response> create(@PathParam("tenantId") UUID tenantId, @PathParam("apiId") UUID apiId, CreateDeployment body) {
        CreateDeployment request = body == null ? new CreateDeployment(null, null) : body;
        return service.create(access.get(), apiId, request).map(d -> Response
                .created(URI.create("/v1/tenants/" + tenantId + "/apis/" + apiId + "/deployments/" + d.id())).entity(d).build());
    }
}
