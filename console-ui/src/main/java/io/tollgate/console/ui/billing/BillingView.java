package io.tollgate.console.ui.billing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.tollgate.console.client.Analytics;
import io.tollgate.console.client.AnalyticsClient;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.CsvDownload;
import io.tollgate.console.ui.components.Formats;
import io.tollgate.console.ui.components.PageHeader;
import io.tollgate.console.ui.components.StatusBadge;
import io.tollgate.console.ui.components.Tile;
import io.tollgate.console.ui.keys.KeyUsageView;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;

/** The organization's price plan, this month's usage against its allowance, and its invoices with CSV downloads. */
@Route("billing")
@PageTitle("Billing · Tollgate")
public class BillingView extends VerticalLayout {

    private final AnalyticsClient analytics;
    private final VerticalLayout lines = new VerticalLayout();

    @Inject
    public BillingView(AnalyticsClient analytics) {
        this.analytics = analytics;
        String tenant = CurrentOrganization.require().id();
        Analytics.PricePlan plan = analytics.plan(tenant);
        List<Analytics.Invoice> invoices = analytics.invoices(tenant);
        add(new PageHeader("Billing", "Your plan, this month's usage and your invoices. Amounts are computed from "
                + "the requests the gateway counted; a month's invoice is final once the month is over.",
                new RouterLink("Usage per API key", KeyUsageView.class)));
        Analytics.Invoice running = invoices.getFirst(); // the API lists the running month first
        add(planSummary(plan, running), new H3("Invoices"), invoiceGrid(tenant, invoices), lines);
        lines.setPadding(false);
        show(running);
    }

    private Component planSummary(Analytics.PricePlan plan, Analytics.Invoice running) {
        UsageAgainstPlan usage = UsageAgainstPlan.of(plan, running);
        Tile planTile = new Tile("billing-plan", "Plan", plan.code(), plan.includedRequests() > 0
                ? Formats.count(plan.includedRequests()) + " requests a month included" + (plan.hardLimit() ? ", hard limit" : "")
                : Formats.money(plan.pricePerMillionRequests(), plan.currency()) + " per million requests, "
                        + Formats.money(plan.pricePerGbOut(), plan.currency()) + " per GB out");
        Tile usageTile = new Tile("billing-usage", "Requests in " + running.period(), Formats.count(usage.requests()),
                usage.included() > 0 ? "of " + Formats.count(usage.included()) + " included" : "all billed");
        Tile totalTile = new Tile("billing-running-total", "So far this month", Formats.money(running.totalMinor(), running.currency()),
                running.status().equals("DRAFT") ? "draft: changes until the month ends" : "final");
        HorizontalLayout tiles = new HorizontalLayout(planTile, usageTile, totalTile);
        tiles.setWidthFull();
        VerticalLayout summary = new VerticalLayout(tiles);
        summary.setPadding(false);
        if (usage.included() > 0) {
            ProgressBar used = new ProgressBar(0, 1, usage.usedRatio());
            used.setId("billing-allowance");
            if (usage.usedRatio() >= 1) {
                used.addThemeName("error");
            } else if (usage.usedRatio() >= 0.8) {
                used.addThemeName("contrast");
            }
            Span text = new Span(Formats.percent(usage.usedRatio()) + " of the monthly allowance used. " + usage.summary());
            text.setId("billing-allowance-text");
            summary.add(used, text);
        } else {
            summary.add(new Paragraph(usage.summary()));
        }
        return summary;
    }

    /** {@code tenant} is read here, in the page's request: a download runs later, outside the Vaadin session's lock. */
    private Grid<Analytics.Invoice> invoiceGrid(String tenant, List<Analytics.Invoice> invoices) {
        Grid<Analytics.Invoice> grid = new Grid<>();
        grid.addColumn(Analytics.Invoice::period).setHeader("Month").setAutoWidth(true);
        grid.addComponentColumn(i -> StatusBadge.of(i.status().equals("FINAL") ? "Final" : "Draft", i.status().equals("FINAL")))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(Analytics.Invoice::plan).setHeader("Plan").setAutoWidth(true);
        grid.addColumn(i -> Formats.money(i.totalMinor(), i.currency())).setHeader("Total").setAutoWidth(true);
        grid.addComponentColumn(i -> CsvDownload.of("CSV", "invoice-" + i.period() + ".csv",
                () -> analytics.invoiceCsv(tenant, YearMonth.parse(i.period()))))
                .setHeader("Download").setAutoWidth(true);
        grid.setItems(invoices);
        grid.setAllRowsVisible(true);
        grid.setId("invoices-grid");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });
        return grid;
    }

    /** The lines and total of one invoice, under the list. */
    private void show(Analytics.Invoice invoice) {
        lines.removeAll();
        Grid<Analytics.InvoiceLine> grid = new Grid<>();
        grid.addColumn(Analytics.InvoiceLine::description).setHeader("Item").setFlexGrow(3);
        grid.addColumn(l -> Formats.quantity(l.quantity()) + " " + l.unit()).setHeader("Quantity").setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.unitPriceMinor(), invoice.currency())).setHeader("Unit price").setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.amountMinor(), invoice.currency())).setHeader("Amount").setAutoWidth(true);
        grid.setItems(invoice.lines());
        grid.setAllRowsVisible(true);
        grid.setId("invoice-lines");
        Span total = new Span("Total " + Formats.money(invoice.totalMinor(), invoice.currency()));
        total.setId("invoice-total");
        total.getStyle().set("font-weight", "600").set("align-self", "flex-end");
        lines.add(new H3("Invoice " + invoice.period() + " (" + invoice.plan() + ", " + invoice.status().toLowerCase() + ")"),
                grid, total);
    }
}
