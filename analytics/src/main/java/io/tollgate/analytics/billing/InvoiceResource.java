package io.tollgate.analytics.billing;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tollgate.analytics.api.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's monthly invoices, as JSON or CSV. Same identity and tenancy rules as the rest of the
 * analytics API (bearer token, membership confirmed by the control plane for the path's tenant).
 */
@Path("/v1/tenants/{tenantId}/analytics")
@Authenticated
@Tag(name = "Invoices", description = "Monthly invoices of a tenant under its price plan")
@SecurityRequirement(name = "bearer")
public class InvoiceResource {

    private static final MediaType CSV = MediaType.valueOf(InvoiceCsv.MEDIA_TYPE);

    @Inject
    Invoices invoices;

    @Inject
    KeyUsageExport keyUsage;

    @GET
    @Path("/price-plan")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The prices of the tenant's plan this month: included requests, hard limit, prices (minor units); "
            + "the plan itself, its use and its changes are under …/analytics/plan")
    public Uni<PricePlan> plan(@PathParam("tenantId") String tenantId) {
        return invoices.plan(tenantId, YearMonth.now(Clock.systemUTC()));
    }

    @GET
    @Path("/invoices")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The running month's invoice (DRAFT) and earlier months' with usage, newest first (24 months)")
    public Uni<List<Invoice>> list(@PathParam("tenantId") String tenantId) {
        return invoices.list(tenantId);
    }

    @GET
    @Path("/invoices/{period}")
    @Produces({MediaType.APPLICATION_JSON, InvoiceCsv.MEDIA_TYPE})
    @Operation(summary = "One month's invoice: JSON, or CSV for Accept: text/csv or a period ending in .csv")
    public Uni<Response> invoice(@PathParam("tenantId") String tenantId,
            @Parameter(description = "YYYY-MM (UTC month), optionally followed by .csv") @PathParam("period") String period,
            @Context HttpHeaders headers) {
        boolean csv = period.endsWith(".csv") || prefersCsv(headers);
        YearMonth month = month(period.endsWith(".csv") ? period.substring(0, period.length() - 4) : period);
        return invoices.of(tenantId, month).map(invoice -> csv
                ? Response.ok(InvoiceCsv.of(invoice), CSV).header("Content-Disposition",
                        "attachment; filename=\"invoice-" + tenantId + "-" + invoice.period() + ".csv\"").build()
                : Response.ok(invoice, MediaType.APPLICATION_JSON_TYPE).build());
    }

    @GET
    @Path("/usage-export/{period}")
    @Produces(InvoiceCsv.MEDIA_TYPE)
    @Operation(summary = "A month's requests and bytes per API key as CSV (keyless requests as key -)")
    public Uni<Response> usageExport(@PathParam("tenantId") String tenantId,
            @Parameter(description = "YYYY-MM (UTC month), optionally followed by .csv") @PathParam("period") String period) {
        YearMonth month = month(period.endsWith(".csv") ? period.substring(0, period.length() - 4) : period);
        return keyUsage.csv(tenantId, month).map(csv -> Response.ok(csv, CSV).header("Content-Disposition",
                "attachment; filename=\"usage-" + tenantId + "-" + month + ".csv\"").build());
    }

    private static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false; // JSON is acceptable at least as much (also */*)
            }
            if (acceptable.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }

    /** A month up to the running one: later months have no invoice yet. */
    static YearMonth month(String period) {
        if (!period.matches("\\d{4}-\\d{2}")) {
            throw ProblemException.validation("period must be a month, YYYY-MM (optionally followed by .csv)");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (java.time.DateTimeException e) {
            throw ProblemException.validation("period must be a month, YYYY-MM: " + period);
        }
        if (month.isAfter(YearMonth.now(Clock.systemUTC()))) {
            throw ProblemException.notFound("No invoice for " + period + " yet: the month has not begun.");
        }
        return month;
    }
}
