package io.tollgate.analytics.billing;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tollgate.analytics.access.TenantMembershipFilter;
import io.tollgate.analytics.api.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's price plan: read by any member, changed by the tenant's owner. It lives in the analytics
 * API rather than the tenant API because analytics owns the price plans, prices the invoices with the
 * assignments and enforces the plans' hard limits: the assignment is its data, changed in the same
 * database as what it affects. Identity and tenancy are the tenant API's (membership and the caller's
 * role come from it, see {@link TenantMembershipFilter}).
 */
@Path("/v1/tenants/{tenantId}/analytics/plan")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Price plan", description = "The tenant's price plan, its allowance and its changes")
@SecurityRequirement(name = "bearer")
public class PlanResource {

    /** The one role that may change the plan (as the tenant API names it). */
    static final String OWNER = "owner";

    @Inject
    TenantPlans plans;

    @Inject
    JsonWebToken token;

    @Schema(description = "The plan to move to")
    public record ChangePlan(@Schema(description = "A price plan code: FREE or PAYG") String plan) {
    }

    @GET
    @Operation(summary = "The tenant's plan for the running month, the month's requests against its allowance, "
            + "a scheduled change and the plan's history")
    public Uni<TenantPlan> get(@PathParam("tenantId") String tenantId) {
        return plans.of(tenantId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the tenant's plan (owners only)", description = "A plan without a hard limit (PAYG) applies to "
            + "the running month at once, lifting a used-up FREE allowance within seconds; a plan with a hard limit (FREE) "
            + "applies from the next month. Unknown plans answer 400.")
    public Uni<TenantPlan> change(@PathParam("tenantId") String tenantId, ChangePlan body, @Context ContainerRequestContext request) {
        if (!OWNER.equals(TenantMembershipFilter.role(request))) {
            throw ProblemException.forbidden("Only the organization's owners may change its price plan.");
        }
        if (body == null || body.plan() == null || body.plan().isBlank()) {
            throw ProblemException.validation("plan: a price plan code is required");
        }
        return plans.change(tenantId, body.plan().strip(), changedBy());
    }

    private String changedBy() {
        String email = token.getClaim("email");
        if (email != null) {
            return email;
        }
        String username = token.getClaim("preferred_username");
        return username != null ? username : token.getSubject();
    }
}
