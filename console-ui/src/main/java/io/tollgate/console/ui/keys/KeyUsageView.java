package io.tollgate.console.ui.keys;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.console.client.Analytics;
import io.tollgate.console.client.AnalyticsClient;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.CsvDownload;
import io.tollgate.console.ui.components.EmptyState;
import io.tollgate.console.ui.components.Formats;
import io.tollgate.console.ui.components.PageHeader;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Requests per API key per UTC day in a month (what tenants bill their own customers from), with the
 * month's CSV export.
 */
@Route("api-keys/usage")
@PageTitle("Usage per API key · Tollgate")
public class KeyUsageView extends VerticalLayout {

    private static final int MONTHS = 12;

    private final AnalyticsClient analytics;
    private final Map<String, String> keyNames;
    private final Select<YearMonth> month = new Select<>();
    private final VerticalLayout content = new VerticalLayout();

    @Inject
    public KeyUsageView(TenantApiClient api, AnalyticsClient analytics) {
        this.analytics = analytics;
        this.keyNames = api.list(CurrentOrganization.path() + "/api-keys", Wire.ApiKey.class).stream()
                .collect(Collectors.toMap(Wire.ApiKey::id, Wire.ApiKey::name, (a, b) -> a));
        YearMonth current = YearMonth.now(Clock.systemUTC());
        month.setLabel("Month (UTC)");
        month.setItems(Stream.iterate(current, m -> m.minusMonths(1)).limit(MONTHS).toList());
        month.setValue(current);
        month.setId("usage-month");
        month.addValueChangeListener(e -> refresh());
        add(new PageHeader("Usage per API key", "Requests and response bytes of each key per UTC day; download a month "
                + "as CSV to bill your own customers.", month));
        content.setPadding(false);
        add(content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        YearMonth chosen = month.getValue();
        String tenant = CurrentOrganization.require().id();
        List<Analytics.KeyDay> days = analytics.keyUsage(tenant, new AnalyticsClient.Query(
                chosen.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                chosen.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), null, null, null));
        content.add(CsvDownload.of("Download " + chosen + " as CSV", "usage-" + chosen + ".csv",
                () -> analytics.keyUsageCsv(tenant, chosen))); // tenant read now: the download runs outside the session lock
        if (days.isEmpty()) {
            content.add(new EmptyState("No key usage in " + chosen, "Requests that carry an API key are counted here per "
                    + "key and day. Put keys on a usage plan and send requests with x-api-key.", null));
            return;
        }
        Grid<Analytics.KeyDay> grid = new Grid<>();
        grid.addColumn(d -> keyNames.getOrDefault(d.keyId(), d.keyId())).setHeader("API key").setFlexGrow(2);
        grid.addColumn(d -> d.day().toString()).setHeader("Day").setAutoWidth(true);
        grid.addColumn(d -> Formats.count(d.requests())).setHeader("Requests").setAutoWidth(true);
        grid.addColumn(d -> Formats.bytes(d.bytesOut())).setHeader("Bytes out").setAutoWidth(true);
        grid.setItems(days);
        grid.setId("key-usage-grid");
        grid.setAllRowsVisible(days.size() <= 20);
        content.add(grid);
    }
}
