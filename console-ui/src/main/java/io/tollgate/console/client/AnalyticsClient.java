package io.tollgate.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The analytics API (dashboards, invoices, usage exports) for one tenant, called with the signed-in
 * person's token; the analytics service asks the control plane whether they are a member.
 */
@ApplicationScoped
public class AnalyticsClient {

    private static final String SERVICE = "The analytics service";
    /** Per-key daily usage read for one view, at most: a console table, the CSV export has everything. */
    static final int MAX_KEY_DAYS = 5000;

    /** What a dashboard query covers: [from, to) and optional API, stage and key filters (null = all). */
    public record Query(Instant from, Instant to, String apiId, String stage, String keyId) {

        /** The query string, filters left out when unset. */
        String parameters() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("from", from.toString());
            values.put("to", to.toString());
            values.put("apiId", apiId);
            values.put("stage", stage);
            values.put("keyId", keyId);
            return values.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    @Inject
    ConsoleSettings settings;

    @Inject
    BearerHttp http;

    private String base(String tenantId) {
        return settings.analytics().url() + "/v1/tenants/" + tenantId + "/analytics";
    }

    private <T> T get(String url, Class<T> type) {
        return http.send(SERVICE, url, "GET", null, http.type(type));
    }

    public Analytics.Series series(String tenantId, Query query, String resolution) {
        return get(base(tenantId) + "/timeseries?" + query.parameters() + "&resolution=" + resolution, Analytics.Series.class);
    }

    /** {@code dimension}: api, stage, route or key (the API filters by API and stage only). */
    public Analytics.Top top(String tenantId, Query query, String dimension, int limit) {
        Query scoped = new Query(query.from(), query.to(), query.apiId(), query.stage(), null);
        return get(base(tenantId) + "/top?" + scoped.parameters() + "&dimension=" + dimension + "&limit=" + limit,
                Analytics.Top.class);
    }

    public Analytics.Latency latency(String tenantId, Query query) {
        return get(base(tenantId) + "/latency?" + query.parameters(), Analytics.Latency.class);
    }

    public Analytics.Errors errors(String tenantId, Query query) {
        return get(base(tenantId) + "/errors?" + query.parameters(), Analytics.Errors.class);
    }

    public Analytics.Cache cache(String tenantId, Query query) {
        return get(base(tenantId) + "/cache?" + query.parameters(), Analytics.Cache.class);
    }

    /** Usage per key per UTC day over the query's range, page by page (bounded by {@link #MAX_KEY_DAYS}). */
    public List<Analytics.KeyDay> keyUsage(String tenantId, Query query) {
        List<Analytics.KeyDay> days = new ArrayList<>();
        String cursor = null;
        do {
            Analytics.KeyUsagePage page = get(base(tenantId) + "/usage?" + query.parameters() + "&limit=1000"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    Analytics.KeyUsagePage.class);
            days.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && days.size() < MAX_KEY_DAYS);
        return days;
    }

    public Analytics.PricePlan plan(String tenantId) {
        return get(base(tenantId) + "/price-plan", Analytics.PricePlan.class);
    }

    /** The running month's invoice and earlier months' with usage, newest first. */
    public List<Analytics.Invoice> invoices(String tenantId) {
        return http.send(SERVICE, base(tenantId) + "/invoices", "GET", null,
                http.json().getTypeFactory().constructType(new TypeReference<List<Analytics.Invoice>>() { }));
    }

    public byte[] invoiceCsv(String tenantId, YearMonth period) {
        return http.download(SERVICE, base(tenantId) + "/invoices/" + period + ".csv", "text/csv");
    }

    public byte[] keyUsageCsv(String tenantId, YearMonth period) {
        return http.download(SERVICE, base(tenantId) + "/usage-export/" + period + ".csv", "text/csv");
    }
}
