package io.tollgate.controlplane.accesstoken;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.CurrentAccess;
import io.tollgate.controlplane.access.Permission;
import io.tollgate.controlplane.access.RequiresPermission;
import io.tollgate.controlplane.idempotency.ReturnsSecret;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
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
import io.tollgate.controlplane.web.TenantApiDocumentation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tenants/{tenantId}/access-tokens")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access tokens")
public class AccessTokenResource {

    @Inject
    AccessTokenService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.ACCESS_TOKENS_READ)
    @Operation(summary = "List access tokens", description = "Admins and owners. Never includes token values. Cursor-paginated.")
    public Uni<Page<AccessTokenView>> list(@PathParam("tenantId") UUID tenantId, @QueryParam("limit") String limit,
                                           @QueryParam("cursor") String cursor) {
        return service.list(access.get(), PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{tokenId}")
    @RequiresPermission(Permission.ACCESS_TOKENS_READ)
    @Operation(summary = "Get an access token", description = "Its metadata; never the value.")
    public Uni<AccessTokenView> get(@PathParam("tenantId") UUID tenantId, @PathParam("tokenId") UUID tokenId) {
        return service.get(access.get(), tokenId);
    }

    @POST
    @ReturnsSecret
    @Extension(name = TenantApiDocumentation.SECRET_ONCE, value = "true")
    @RequiresPermission(Permission.ACCESS_TOKENS_WRITE)
    @Operation(summary = "Create an access token", description = "For CI/CD: send it as `Authorization: Bearer tgat_…`. "
            + "The value is in this response only; it is stored as a hash.")
    public Uni<Response> create(@PathParam("tenantId") UUID tenantId,
                                @Valid @NotNull AccessTokenRequests.CreateAccessToken body) {
        return service.create(access.get(), body).map(token -> Response
                .created(URI.create("/v1/tenants/" + tenantId + "/access-tokens/" + token.id())).entity(token).build());
    }

    @DELETE
    @Path("/{tokenId}")
    @RequiresPermission(Permission.ACCESS_TOKENS_WRITE)
    @Operation(summary = "Revoke an access token", description = "It stops authenticating at once; it stays listed as revoked.")
    public Uni<AccessTokenView> revoke(@PathParam("tenantId") UUID tenantId, @PathParam("tokenId") UUID tokenId) {
        return service.revoke(access.get(), tokenId);
    }
}
