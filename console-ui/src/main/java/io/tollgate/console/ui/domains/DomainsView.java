package io.tollgate.console.ui.domains;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.Domains;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.EmptyState;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.PageHeader;
import io.tollgate.console.ui.components.StatusBadge;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The organization's own hostnames: add one, then verify it, give it a certificate and map base paths on its page. */
@Route("domains")
@PageTitle("Custom domains · Tollgate")
public class DomainsView extends VerticalLayout {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final TenantApiClient api;

    @Inject
    public DomainsView(TenantApiClient api) {
        this.api = api;
        List<Domains.Domain> domains = api.list(CurrentOrganization.path() + "/domains", Domains.Domain.class);
        Button add = new Button("Add domain", VaadinIcon.PLUS.create(), e -> addDialog().open());
        add.setId("add-domain");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setEnabled(CurrentOrganization.canWrite());
        add(new PageHeader("Custom domains", "Serve your APIs on your own hostnames (api.example.com): prove the name "
                + "is yours with a DNS record, upload its certificate, and map base paths to API stages.", add));
        if (domains.isEmpty()) {
            add(new EmptyState("No custom domains yet", "Add a hostname you control; Tollgate then shows the DNS TXT "
                    + "record that proves it. Until then your APIs answer on their default endpoints.", null));
            return;
        }
        Grid<Domains.Domain> grid = new Grid<>();
        grid.addColumn(Domains.Domain::hostname).setHeader("Hostname").setFlexGrow(2);
        grid.addComponentColumn(DomainsView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(d -> d.certificate() == null ? "none (HTTP only)" : "valid until " + DAY.format(d.certificate().notAfter()))
                .setHeader("Certificate").setAutoWidth(true);
        grid.addColumn(d -> DAY.format(d.createdAt())).setHeader("Added").setAutoWidth(true);
        grid.setItems(domains);
        grid.setAllRowsVisible(true);
        grid.setId("domains-grid");
        grid.addItemClickListener(e -> UI.getCurrent().navigate(DomainView.class, e.getItem().id()));
        add(new Paragraph("Choose a domain to verify it, upload its certificate or map base paths."), grid);
    }

    static Span status(Domains.Domain domain) {
        Span status = StatusBadge.of(domain.verified() ? "Verified" : "Pending verification", domain.verified());
        status.addClassName("domain-status");
        return status;
    }

    private Dialog addDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a custom domain");
        TextField hostname = new TextField("Hostname");
        hostname.setPlaceholder("api.example.com");
        hostname.setHelperText("A name you control in DNS; internationalized names in their xn-- form.");
        hostname.setWidth("26em");
        hostname.setId("domain-hostname");
        dialog.add(hostname);
        FieldErrors errors = new FieldErrors().bind("hostname", hostname);
        Button save = new Button("Add", e -> {
            try {
                Domains.Domain created = api.post(CurrentOrganization.path() + "/domains",
                        new Domains.NewDomain(hostname.getValue().trim()), Domains.Domain.class);
                dialog.close();
                UI.getCurrent().navigate(DomainView.class, created.id());
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        save.setId("domain-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }
}
