package io.tollgate.analytics.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters every analytics question takes: the range and the optional API, stage, route
 * and key filters. One {@code @BeanParam} on each endpoint, so they are named, parsed and documented
 * alike everywhere ({@link #filter} turns them into the {@link UsageFilter} of the path's tenant).
 */
public class FilterParameters {

    @QueryParam("from")
    @Parameter(description = "Start of the range, inclusive: an ISO-8601 instant such as 2026-11-30T00:00:00Z; default: a day before to")
    String from;

    @QueryParam("to")
    @Parameter(description = "End of the range, exclusive (ISO-8601 instant); default: now. At most 400 days after from")
    String to;

    @QueryParam("apiId")
    @Parameter(description = "Only this API (its id)")
    String apiId;

    @QueryParam("stage")
    @Parameter(description = "Only this stage, e.g. prod")
    String stage;

    @QueryParam("route")
    @Parameter(description = "Only this route: method and path template, e.g. GET /pets/{id}")
    String route;

    @QueryParam("keyId")
    @Parameter(description = "Only requests made with this API key (its id; - for requests without a key)")
    String keyId;

    UsageFilter filter(String tenantId) {
        return UsageFilter.parse(tenantId, from, to, apiId, stage, route, keyId);
    }
}
