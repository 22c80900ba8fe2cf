package io.tollgate.console.ui.dashboards;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.console.client.Analytics;
import io.tollgate.console.client.AnalyticsClient;
import io.tollgate.console.client.ConsoleSettings;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.apis.ApisView;
import io.tollgate.console.ui.charts.EChart;
import io.tollgate.console.ui.components.EmptyState;
import io.tollgate.console.ui.components.Formats;
import io.tollgate.console.ui.components.PageHeader;
import io.tollgate.console.ui.components.Tile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Traffic of the organization over a chosen range: requests by status class, latency percentiles,
 * cache hit ratio, gateway errors by type, and the busiest APIs, routes and keys; filterable by API,
 * stage and key. Everything comes from the analytics API with the person's token.
 */
@Route("dashboards")
@PageTitle("Dashboards · Tollgate")
public class DashboardsView extends VerticalLayout {

    private static final int TOP = 5;

    private final TenantApiClient api;
    private final AnalyticsClient analytics;
    private final boolean animation;
    private final Select<DashboardRange> range = new Select<>();
    private final ComboBox<Wire.Api> apiFilter = new ComboBox<>("API");
    private final ComboBox<String> stageFilter = new ComboBox<>("Stage");
    private final ComboBox<Wire.ApiKey> keyFilter = new ComboBox<>("API key");
    private final VerticalLayout content = new VerticalLayout();
    private Map<String, String> apiNames = Map.of();
    private Map<String, String> keyNames = Map.of();

    @Inject
    public DashboardsView(TenantApiClient api, AnalyticsClient analytics, ConsoleSettings settings) {
        this.api = api;
        this.analytics = analytics;
        this.animation = settings.charts().animation();
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("dashboard-refresh");
        add(new PageHeader("Dashboards", "Traffic through the gateway, counted by the analytics service (UTC, about a "
                + "minute behind).", refresh), filters());
        content.setPadding(false);
        content.setWidthFull();
        add(content);
        refresh();
    }

    private Component filters() {
        range.setLabel("Range");
        range.setItems(DashboardRange.values());
        range.setItemLabelGenerator(DashboardRange::label);
        range.setValue(DashboardRange.LAST_DAY);
        range.setId("dashboard-range");
        List<Wire.Api> apis = api.list(CurrentOrganization.path() + "/apis", Wire.Api.class);
        List<Wire.ApiKey> keys = api.list(CurrentOrganization.path() + "/api-keys", Wire.ApiKey.class);
        apiNames = apis.stream().collect(Collectors.toMap(Wire.Api::id, Wire.Api::name, (a, b) -> a));
        keyNames = keys.stream().collect(Collectors.toMap(Wire.ApiKey::id, Wire.ApiKey::name, (a, b) -> a));
        apiFilter.setItems(apis);
        apiFilter.setItemLabelGenerator(Wire.Api::name);
        apiFilter.setPlaceholder("All APIs");
        apiFilter.setClearButtonVisible(true);
        apiFilter.setId("dashboard-api");
        stageFilter.setPlaceholder("All stages");
        stageFilter.setClearButtonVisible(true);
        stageFilter.setEnabled(false);
        stageFilter.setHelperText("Choose an API first");
        stageFilter.setId("dashboard-stage");
        keyFilter.setItems(keys);
        keyFilter.setItemLabelGenerator(k -> k.name() + " (" + k.prefix() + "…)");
        keyFilter.setPlaceholder("All keys");
        keyFilter.setClearButtonVisible(true);
        keyFilter.setId("dashboard-key");
        apiFilter.addValueChangeListener(e -> {
            stageFilter.clear();
            stageFilter.setEnabled(e.getValue() != null);
            stageFilter.setHelperText(e.getValue() == null ? "Choose an API first" : null);
            stageFilter.setItems(e.getValue() == null ? List.of() : api.list(CurrentOrganization.path() + "/apis/"
                    + e.getValue().id() + "/stages", Wire.Stage.class).stream().map(Wire.Stage::name).toList());
            refresh();
        });
        range.addValueChangeListener(e -> refresh());
        stageFilter.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refresh();
            }
        });
        keyFilter.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(range, apiFilter, stageFilter, keyFilter);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);
        bar.setWidthFull();
        return bar;
    }

    private boolean filtered() {
        return apiFilter.getValue() != null || stageFilter.getValue() != null || keyFilter.getValue() != null;
    }

    private void refresh() {
        content.removeAll();
        DashboardRange chosen = range.getValue();
        DashboardRange.Window window = chosen.window(Instant.now());
        AnalyticsClient.Query query = new AnalyticsClient.Query(window.from(), window.to(),
                apiFilter.getValue() == null ? null : apiFilter.getValue().id(), stageFilter.getValue(),
                keyFilter.getValue() == null ? null : keyFilter.getValue().id());
        String tenant = CurrentOrganization.require().id();
        TrafficSeries series = TrafficSeries.of(analytics.series(tenant, query, chosen.resolution()), window, chosen.bucket());
        TrafficSeries.Totals totals = series.totals();
        if (totals.requests() == 0) {
            content.add(filtered()
                    ? new EmptyState("No requests match these filters", "Nothing was counted for this API, stage or key in "
                            + chosen.label().toLowerCase() + ". Clear a filter or choose a longer range.", null)
                    : new EmptyState("No traffic in " + chosen.label().toLowerCase(), "Deploy an API to a stage and call "
                            + "its invoke URL (or send a request from a route's Try it panel): calls show here within a "
                            + "minute. Choose a longer range to see earlier traffic.", goToApis()));
            return;
        }
        Analytics.Latency latency = analytics.latency(tenant, query);
        Analytics.Cache cache = analytics.cache(tenant, query);
        Analytics.Errors errors = analytics.errors(tenant, query);

        HorizontalLayout tiles = new HorizontalLayout(
                new Tile("tile-requests", "Requests", Formats.count(totals.requests()), chosen.label()),
                new Tile("tile-errors", "Error responses", Formats.percent(totals.errorRatio()),
                        Formats.count(totals.clientErrors()) + " 4xx · " + Formats.count(totals.serverErrors()) + " 5xx"),
                new Tile("tile-latency", "Latency p50 / p95 / p99", Formats.millis(latency.p50Ms()),
                        "p95 " + Formats.millis(latency.p95Ms()) + " · p99 " + Formats.millis(latency.p99Ms())),
                new Tile("tile-cache", "Cache hit ratio", cache.hits() + cache.misses() == 0 ? "—" : Formats.percent(cache.hitRatio()),
                        cache.hits() + cache.misses() == 0 ? "no cached stages called"
                                : Formats.count(cache.hits()) + " hits · " + Formats.count(cache.misses()) + " misses"));
        tiles.setWidthFull();
        content.add(tiles);

        content.add(chart("Requests by status class", "chart-requests", DashboardCharts.requestsByStatus(series, animation)));
        HorizontalLayout second = new HorizontalLayout(
                chart("Mean latency and cache hit ratio", "chart-latency", DashboardCharts.latencyAndCache(series, animation)),
                errors.byType().isEmpty()
                        ? section("Gateway errors by type", new EmptyState("No gateway errors", "No request was throttled, "
                                + "refused or failed in the gateway in this range.", null))
                        : chart("Gateway errors by type", "chart-errors", DashboardCharts.errorsByType(errors, animation)));
        second.setWidthFull();
        content.add(second);

        HorizontalLayout tops = new HorizontalLayout(
                top("Top APIs", "top-apis", analytics.top(tenant, query, "api", TOP), id -> apiNames.getOrDefault(id, id)),
                top("Top routes", "top-routes", analytics.top(tenant, query, "route", TOP), Function.identity()),
                top("Top keys", "top-keys", analytics.top(tenant, query, "key", TOP),
                        id -> "-".equals(id) ? "(no key)" : keyNames.getOrDefault(id, id)));
        tops.setWidthFull();
        content.add(tops);
    }

    private static Component goToApis() {
        Button apis = new Button("Go to APIs", VaadinIcon.CONNECT.create(), e -> UI.getCurrent().navigate(ApisView.class));
        apis.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return apis;
    }

    private Component chart(String title, String id, com.fasterxml.jackson.databind.node.ObjectNode option) {
        EChart chart = new EChart("260px");
        chart.setId(id);
        chart.setOption(option);
        return section(title, chart);
    }

    private static VerticalLayout section(String title, Component body) {
        VerticalLayout section = new VerticalLayout(new H3(title), body);
        section.setPadding(false);
        section.setSpacing(false);
        section.setWidthFull();
        section.getStyle().set("min-width", "0");
        return section;
    }

    private static Component top(String title, String id, Analytics.Top top, Function<String, String> name) {
        Grid<Analytics.Ranked> grid = new Grid<>();
        grid.addColumn(r -> name.apply(r.value())).setHeader("Name").setFlexGrow(3);
        grid.addColumn(r -> Formats.count(r.requests())).setHeader("Requests").setAutoWidth(true);
        grid.addColumn(r -> Formats.count(r.errors())).setHeader("Errors").setAutoWidth(true);
        grid.setItems(top.items());
        grid.setAllRowsVisible(true);
        grid.setId(id);
        return section(title, grid);
    }
}
