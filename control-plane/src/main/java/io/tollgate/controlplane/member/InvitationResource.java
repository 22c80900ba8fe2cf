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

@Path("/v1/tenants/{tenantId}/invitations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class InvitationResource {

    @Inject
    InvitationService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.MEMBERS_READ)
    @Operation(summary = "List pending invitations", description = "Unaccepted invitations of the tenant. Cursor-paginated.")
    public Uni<Page<InvitationView>> list(@PathParam("tenantId") UUID tenantId, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        return service.list(access.get(), PageRequest.parse(limit, cursor));
    }

    @POST
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Invite a person by email", description = "Admins and owners. The invitation is accepted "
            + "automatically on the person's next authenticated request whose token carries that email, verified.")
    public Uni<Response> invite(@PathParam("tenantId") UUID tenantId, @Valid @NotNull CreateInvitation body) {
        return service.invite(access.get(), body).map(invitation -> Response
                .created(URI.create("/v1/tenants/" + tenantId + "/invitations/" + invitation.id())).entity(invitation).build());
    }

    @DELETE
    @Path("/{invitationId}")
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Revoke an invitation", description = "Admins and owners.")
    public Uni<Response> revoke(@PathParam("tenantId") UUID tenantId, @PathParam("invitationId") UUID invitationId) {
        return service.revoke(access.get(), invitationId).map(Responses::noContent);
    }
}
