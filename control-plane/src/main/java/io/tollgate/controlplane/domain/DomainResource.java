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

@Path("/v1/tenants/{tenantId}/domains")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Custom domains")
public class DomainResource {

    @Inject
    DomainService service;

    @Inject
    CurrentAccess access;

    @GET
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "List custom domains", description = "The tenant's domains, verified or pending. Cursor-paginated.")
    public Uni<Page<DomainView>> list(@PathParam("tenantId") UUID tenantId, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        return service.list(access.get(), PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("/{domainId}")
    @RequiresPermission(Permission.APIS_READ)
    @Operation(summary = "Get a custom domain", description = "Its status, the TXT record that verifies it, the "
            + "certificate summary and its ETag.")
    public Uni<Response> get(@PathParam("tenantId") UUID tenantId, @PathParam("domainId") UUID domainId) {
        return service.get(access.get(), domainId).map(Responses::tagged);
    }

    @POST
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Add a custom domain", description = "Answers PENDING_VERIFICATION with the DNS TXT record to "
            + "create (name _tollgate-challenge.<hostname>, a random value); then call verify. 409 when this tenant "
            + "already added the hostname or another tenant verified it.")
    public Uni<Response> create(@PathParam("tenantId") UUID tenantId, @NotNull DomainRequests.CreateDomain body) {
        return service.create(access.get(), body).map(domain -> Responses.created(domain,
                "/v1/tenants/" + tenantId + "/domains/" + domain.id()));
    }

    @POST
    @Path("/{domainId}/verify")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Verify a custom domain", description = "Looks up the TXT record _tollgate-challenge.<hostname>. "
            + "When it holds the domain's token the domain becomes VERIFIED and the gateway starts serving it; otherwise "
            + "422 domain-verification-failed says what DNS returned instead (503 dns-unavailable when DNS did not "
            + "answer). 409 when another tenant verified the hostname first. A verified domain stays verified.")
    public Uni<Response> verify(@PathParam("tenantId") UUID tenantId, @PathParam("domainId") UUID domainId) {
        return service.verify(access.get(), domainId).map(Responses::tagged);
    }

    @PUT
    @Path("/{domainId}/certificate")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Upload the domain's TLS certificate", description = "Replaces any earlier certificate. Checked: "
            + "both PEMs parse, each certificate is signed by the next, the leaf names the hostname (SAN, wildcards "
            + "for one label), the key belongs to the leaf, and no certificate is expired or not yet valid; every failed "
            + "check is listed in the 400. The key is stored encrypted and never returned. A stale If-Match answers 412.")
    public Uni<Response> uploadCertificate(@PathParam("tenantId") UUID tenantId, @PathParam("domainId") UUID domainId,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                           @NotNull DomainRequests.UploadCertificate body) {
        return service.uploadCertificate(access.get(), domainId, ifMatch, body).map(Responses::tagged);
    }

    @DELETE
    @Path("/{domainId}/certificate")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Remove the domain's TLS certificate", description = "The gateway then serves the domain over "
            + "plain HTTP only. Answers the domain. A stale If-Match answers 412.")
    public Uni<Response> removeCertificate(@PathParam("tenantId") UUID tenantId, @PathParam("domainId") UUID domainId,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.removeCertificate(access.get(), domainId, ifMatch).map(Responses::tagged);
    }

    @DELETE
    @Path("/{domainId}")
    @RequiresPermission(Permission.APIS_WRITE)
    @Operation(summary = "Delete a custom domain", description = "With its mappings and certificate; the gateway stops "
            + "serving the hostname within seconds. A stale If-Match answers 412.")
    public Uni<Response> delete(@PathParam("tenantId") UUID tenantId, @PathParam("domainId") UUID domainId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(access.get(), domainId, ifMatch).map(Responses::noContent);
    }
}
