package io.tollgate.controlplane.domain;

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

@Path("/v1/tenants/{tenantId}/domains/{domainId}/mappings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Custom domains")
public class MappingResource {

    @Inject
    MappingService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "List a domain's base path mappings", description = "Cursor-paginated.")
    public Uni<Page<MappingView>> list(@PathParam("tenantId") UUID tenantId, @PathParam("domainId") UUID domainId,
                                       @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(access.get(), domainId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{mappingId}")
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "Get a base path mapping", description = "The mapping with its ETag.")
    public Uni<Response> get(@PathParam("tenantId") UUID tenantId, @PathParam("domainId") UUID domainId,
                             @PathParam("mappingId") UUID mappingId) {
        return service.get(access.get(), domainId, mappingId).map(Responses::tagged);
    }

    @POST
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Map a base path to an API stage", description = "Requests to https://<hostname>/<basePath>/… "
            + "reach the stage with the base path removed, once the domain is verified; the longest matching base path "
            + "wins. 409 when the base path is already mapped on this domain; the API must be one of this tenant's.")
    public Uni<Response> create(@PathParam("tenantId") UUID tenantId, @PathParam("domainId") UUID domainId,
                                @NotNull DomainRequests.MappingSpec body) {
        return service.create(access.get(), domainId, body).map(mapping -> Responses.created(mapping,
                "/v1/tenants/" + tenantId + "/domains/" + domainId + "/mappings/" + mapping.id()));
    }

    @PUT
    @Path("/{mappingId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Replace a base path mapping", description = "The gateway applies it within seconds. A stale "
            + "If-Match answers 412.")
    public Uni<Response> replace(@PathParam("tenantId") UUID tenantId, @PathParam("domainId") UUID domainId,
                                 @PathParam("mappingId") UUID mappingId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull DomainRequests.MappingSpec body) {
        return service.replace(access.get(), domainId, mappingId, ifMatch, body).map(Responses::tagged);
    }

    @DELETE
    @Path("/{mappingId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Delete a base path mapping", description = "The gateway stops routing the base path within "
            + "seconds. A stale If-Match answers 412.")
    public Uni<Response> delete(@PathParam("tenantId") UUID tenantId, @PathParam("domainId") UUID domainId,
                                @PathParam("mappingId") UUID mappingId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(access.get(), domainId, mappingId, ifMatch).map(Responses::noContent);
    }
}
