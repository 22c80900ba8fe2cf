package io.tollgate.analytics.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tollgate.analytics.usage.Resolution;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's usage analytics. Same identity and tenancy rules as the tenant API: a Keycloak bearer
 * token, and membership of the tenant confirmed by the control plane ({@code TenantMembershipFilter});
 * every query is scoped by the tenant of the path. Ranges are [from, to) in UTC, default the last day.
 */
@Path("/v1/tenants/{tenantId}/analytics")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Usage of a tenant's APIs: requests, errors, latency, cache, per key")
@SecurityRequirement(name = "bearer")
public class AnalyticsResource {

    private static final int MAX_POINTS = 50_000;

    @Inject
    UsageQueries queries;

    @GET
    @Path("/timeseries")
    @Operation(summary = "Totals per minute, hour or day over a range, optionally for one API, stage, route or key")
    public Uni<Views.Series> timeseries(@PathParam("tenantId") String tenantId, @BeanParam FilterParameters parameters,
            @Parameter(description = "minute, hour or day (default hour); buckets are whole UTC minutes, hours or days")
            @QueryParam("resolution") String resolution) {
        UsageFilter filter = parameters.filter(tenantId);
        Resolution chosen = resolution(resolution);
        long points = Duration.between(filter.from(), filter.to()).toSeconds() / chosen.unit().getDuration().toSeconds();
        if (points > MAX_POINTS) {
            throw ProblemException.validation("the range has " + points + " " + chosen.name().toLowerCase(Locale.ROOT)
                    + "s; at most " + MAX_POINTS + " points per query: choose a coarser resolution");
        }
        return queries.series(filter, chosen);
    }

    @GET
    @Path("/top")
    @Operation(summary = "The APIs, stages, routes or keys with the most requests over a range")
    public Uni<Views.Top> top(@PathParam("tenantId") String tenantId, @BeanParam FilterParameters parameters,
            @Parameter(description = "api, stage, route or key") @QueryParam("dimension") String dimension,
            @Parameter(description = "1–100, default 10") @QueryParam("limit") Integer limit) {
        if (dimension == null) {
            throw ProblemException.validation("dimension is required: api, stage, route or key");
        }
        return queries.top(parameters.filter(tenantId), dimension, limit(limit, 10, 100));
    }

    @GET
    @Path("/usage")
    @Operation(summary = "Requests per API key per UTC day (what the cloud gateway calls GetUsage), a page at a time")
    public Uni<Views.KeyUsagePage> usage(@PathParam("tenantId") String tenantId, @BeanParam FilterParameters parameters,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "1–1000, default 100") @QueryParam("limit") Integer limit) {
        return queries.keyUsage(parameters.filter(tenantId), cursor, limit(limit, 100, 1000));
    }

    @GET
    @Path("/latency")
    @Operation(summary = "Gateway latency percentiles (p50, p95, p99) over a range")
    public Uni<Views.Latency> latency(@PathParam("tenantId") String tenantId, @BeanParam FilterParameters parameters) {
        return queries.latency(parameters.filter(tenantId));
    }

    @GET
    @Path("/errors")
    @Operation(summary = "Gateway errors by type over a range")
    public Uni<Views.Errors> errors(@PathParam("tenantId") String tenantId, @BeanParam FilterParameters parameters) {
        return queries.errors(parameters.filter(tenantId));
    }

    @GET
    @Path("/cache")
    @Operation(summary = "Response cache hits, misses and hit ratio over a range")
    public Uni<Views.Cache> cache(@PathParam("tenantId") String tenantId, @BeanParam FilterParameters parameters) {
        return queries.cache(parameters.filter(tenantId));
    }

    private static Resolution resolution(String value) {
        if (value == null) {
            return Resolution.HOUR;
        }
        try {
            return Resolution.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("resolution must be minute, hour or day");
        }
    }

    private static int limit(Integer value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > max) {
            throw ProblemException.validation("limit must be between 1 and " + max);
        }
        return value;
    }
}
