package io.tollgate.controlplane.audit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.Permission;
import io.tollgate.controlplane.access.RequiresPermission;
import io.tollgate.controlplane.web.Page;
import io.tollgate.controlplane.web.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tenants/{tenantId}/audit-log")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
public class AuditResource {

    @Inject
    AuditRepository entries;

    @GET
    @WithSession
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "List the tenant's audit log", description = "Every change to the tenant, newest first, with "
            + "who made it and a summary of the resource before and after. Cursor-paginated.")
    public Uni<Page<AuditEntryView>> list(@PathParam("tenantId") UUID tenantId, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        return entries.page(tenantId, page).map(rows -> Page.of(rows, page, e -> e.id, AuditEntryView::of));
    }
}
