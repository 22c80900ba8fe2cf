package io.tollgate.controlplane.planlimit;

import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where analytics reports tenants' used-up plan limits and lifts them. Internal: only the platform's own
 * service account (realm role {@value #PLATFORM_ROLE}, held by the {@code tollgate-automation} client
 * alone) may call it; people and tenant access tokens get 403. The path parameter is {@code tenant}, not
 * {@code tenantId}, on purpose: the platform is a member of no tenant, so the tenant membership check of
 * the tenant API does not apply here.
 */
@Path("/internal/v1/tenants/{tenant}/plan-limit")
@RolesAllowed(PlanLimitResource.PLATFORM_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Operations for the platform's own services (analytics), not for tenants: they need a "
        + "Keycloak token of the tollgate-automation service account (realm role tollgate-platform)")
public class PlanLimitResource {

    /** The realm role of the platform's own services (deploy/keycloak/tollgate-realm.json). */
    public static final String PLATFORM_ROLE = "tollgate-platform";

    @Inject
    PlanLimitService service;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "A tenant's used-up plan limit", description = "404 when the tenant's traffic is not restricted.")
    public Uni<PlanLimitView> get(@PathParam("tenant") String tenant) {
        return service.current(tenantId(tenant)).map(limit -> {
            if (limit == null) {
                throw ProblemException.notFound("The tenant has no used-up plan limit.");
            }
            return PlanLimitView.of(limit);
        });
    }

    @PUT
    @Operation(summary = "Report a used-up plan limit", description = "Records the limit, audits it and publishes it with the "
            + "tenant's gateway configuration: the tenant's APIs answer 429 TENANT_LIMIT_EXCEEDED until it is lifted. "
            + "Idempotent: repeating a report changes nothing; a report of an earlier period than the recorded one is ignored. "
            + "Answers the limit now recorded.")
    public Uni<PlanLimitView> reached(@PathParam("tenant") String tenant, @Valid @NotNull PlanLimitRequests.LimitReached body) {
        return service.reached(tenantId(tenant), platform(), body).map(PlanLimitView::of);
    }

    @DELETE
    @Operation(summary = "Lift a used-up plan limit", description = "Lifts the limit recorded for the period (a new period "
            + "began, or the tenant moved to a plan whose limit it has not reached), audits and publishes it: traffic flows "
            + "again. 204 whether or not there was such a limit (idempotent).")
    public Uni<Response> lift(@PathParam("tenant") String tenant,
            @Parameter(description = "The period of the limit to lift, YYYY-MM", required = true) @QueryParam("period") String period,
            @Parameter(description = "NEW_PERIOD or PLAN_CHANGED", required = true) @QueryParam("reason") String reason) {
        if (period == null || !period.matches(PlanLimitRequests.PERIOD)) {
            throw ProblemException.invalid("period", "must be a month, YYYY-MM");
        }
        PlanLimitRequests.LiftReason why;
        try {
            why = PlanLimitRequests.LiftReason.valueOf(String.valueOf(reason));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("reason", "must be NEW_PERIOD or PLAN_CHANGED");
        }
        return service.lift(tenantId(tenant), platform(), period, why).map(changed -> Response.noContent().build());
    }

    private Caller platform() {
        String client = token.getClaim("azp");
        return new Caller.Platform(token.getSubject(), client != null ? client : token.getClaim("preferred_username"));
    }

    private static UUID tenantId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No such tenant.");
        }
    }
}
