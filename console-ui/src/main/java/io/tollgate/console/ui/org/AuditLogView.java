package io.tollgate.console.ui.org;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.PageHeader;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every change to the organization, newest first, filtered by resource kind, person and text. The
 * tenant API lists the log without filters, so the console filters what it read (the latest 2000 entries).
 */
@Route("audit-log")
@PageTitle("Audit log · Tollgate")
public class AuditLogView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String ALL = "All";

    @Inject
    public AuditLogView(TenantApiClient api) {
        setSizeFull();
        add(new PageHeader("Audit log", "Who changed what in " + CurrentOrganization.require().name() + ", newest first."));
        List<Wire.AuditEntry> entries = api.list(CurrentOrganization.path() + "/audit-log", Wire.AuditEntry.class);
        Select<String> kind = new Select<>();
        kind.setLabel("Resource");
        kind.setItems(Stream.concat(Stream.of(ALL), entries.stream().map(e -> e.target() == null ? null : e.target().type())
                .filter(Objects::nonNull).distinct().sorted()).toList());
        kind.setValue(ALL);
        Select<String> actor = new Select<>();
        actor.setLabel("By");
        actor.setItems(Stream.concat(Stream.of(ALL), entries.stream().map(AuditLogView::actorName).distinct().sorted()).toList());
        actor.setValue(ALL);
        TextField text = new TextField("Contains");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setPlaceholder("action or id");
        Grid<Wire.AuditEntry> grid = new Grid<>();
        grid.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditLogView::actorName).setHeader("By").setAutoWidth(true);
        grid.addColumn(Wire.AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(e -> e.target() == null ? "" : e.target().type() + " " + e.target().id()).setHeader("Resource").setFlexGrow(2);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(e -> new com.vaadin.flow.component.html.Pre(
                "before: " + (e.before() == null ? "—" : e.before().toPrettyString())
                        + "\nafter:  " + (e.after() == null ? "—" : e.after().toPrettyString()))));
        grid.setId("audit-grid");
        Runnable filter = () -> {
            String term = text.getValue().trim().toLowerCase(Locale.ROOT);
            grid.setItems(entries.stream()
                    .filter(e -> ALL.equals(kind.getValue()) || e.target() != null && kind.getValue().equals(e.target().type()))
                    .filter(e -> ALL.equals(actor.getValue()) || actor.getValue().equals(actorName(e)))
                    .filter(e -> term.isEmpty() || (e.action() + " " + (e.target() == null ? "" : e.target().id()))
                            .toLowerCase(Locale.ROOT).contains(term))
                    .toList());
        };
        kind.addValueChangeListener(e -> filter.run());
        actor.addValueChangeListener(e -> filter.run());
        text.addValueChangeListener(e -> filter.run());
        filter.run();
        add(new HorizontalLayout(kind, actor, text), grid);
    }

    private static String actorName(Wire.AuditEntry entry) {
        return entry.actor() == null ? "" : entry.actor().name() != null ? entry.actor().name() : entry.actor().id();
    }
}
