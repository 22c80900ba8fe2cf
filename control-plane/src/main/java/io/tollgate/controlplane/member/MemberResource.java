package io.tollgate.controlplane.member;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

@Path("/v1/tenants/{tenantId}/members")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberResource {

    @Inject
    MemberService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.MEMBERS_READ)
    @Operation(summary = "List members", description = "Members of the tenant with their roles. Cursor-paginated.")
    public Uni<Page<MemberView>> list(@PathParam("tenantId") UUID tenantId, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        return service.list(access.get(), PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{memberId}")
    @RequiresPermission(Permission.MEMBERS_READ)
    @Operation(summary = "Get a member", description = "The membership with its ETag.")
    public Uni<Response> get(@PathParam("tenantId") UUID tenantId, @PathParam("memberId") UUID memberId) {
        return service.get(access.get(), memberId).map(Responses::tagged);
    }

    @PATCH
    @Path("/{memberId}")
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Change a member's role", description = "Admins and owners; only owners change owners, nobody "
            + "grants a role above their own, and the last owner cannot be demoted (409). If-Match with a stale ETag answers 412.")
    public Uni<Response> changeRole(@PathParam("tenantId") UUID tenantId, @PathParam("memberId") UUID memberId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ChangeRole body) {
        return service.changeRole(access.get(), memberId, ifMatch, body)
                .map(Responses::tagged);
    }

    @DELETE
    @Path("/{memberId}")
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Remove a member", description = "Admins and owners; only owners remove owners, and the last "
            + "owner cannot be removed (409).")
    public Uni<Response> remove(@PathParam("tenantId") UUID tenantId, @PathParam("memberId") UUID memberId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.remove(access.get(), memberId, ifMatch).map(Responses::noContent);
    }
}
