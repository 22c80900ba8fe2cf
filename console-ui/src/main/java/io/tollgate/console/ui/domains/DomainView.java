package io.tollgate.console.ui.domains;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.Domains;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Confirm;
import io.tollgate.console.ui.components.CopyButton;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Notifications;
import io.tollgate.console.ui.components.PageHeader;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One custom domain: its DNS verification, its certificate, its base path mappings, and deleting it. */
@Route("domain")
@PageTitle("Custom domain · Tollgate")
public class DomainView extends VerticalLayout implements HasUrlParameter<String> {

    private final TenantApiClient api;
    private String domainPath;

    @Inject
    public DomainView(TenantApiClient api) {
        this.api = api;
    }

    @Override
    public void setParameter(BeforeEvent event, String domainId) {
        domainPath = CurrentOrganization.path() + "/domains/" + domainId;
        refresh();
    }

    private void refresh() {
        removeAll();
        Domains.Domain domain = api.get(domainPath, Domains.Domain.class);
        Button delete = new Button("Delete domain", VaadinIcon.TRASH.create(), e -> Confirm.destructive(
                "Delete " + domain.hostname() + "?", "Its mappings and certificate are deleted and the gateway stops "
                        + "serving the hostname within seconds. This cannot be undone.", "Delete domain", () -> {
                    try {
                        api.delete(domainPath);
                        Notifications.success("Domain " + domain.hostname() + " deleted");
                        UI.getCurrent().navigate(DomainsView.class);
                    } catch (ApiProblem problem) {
                        Notifications.error(problem.getMessage());
                    }
                }));
        delete.setId("domain-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setEnabled(CurrentOrganization.canWrite());
        PageHeader header = new PageHeader(domain.hostname(), domain.verified()
                ? "Verified " + DomainsView.DAY.format(domain.verifiedAt()) + ": the gateway serves it."
                : "Not served yet: create the DNS record below, then verify.", DomainsView.status(domain), delete);
        header.setId("domain-header");
        add(header, verification(domain), new H3("Certificate"), certificate(domain), new H3("Base path mappings"), mappings(domain));
    }

    private Component verification(Domains.Domain domain) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        if (domain.verified()) {
            return section;
        }
        section.add(new H3("Verify ownership"), new Paragraph("Create this TXT record at your DNS provider. DNS changes can "
                + "take a few minutes to be visible; then choose Verify."));
        Domains.VerificationRecord record = domain.verification();
        section.add(recordLine("Type", record.type(), null), recordLine("Name", record.name(), "txt-name"),
                recordLine("Value", record.value(), "txt-value"));
        Div failure = new Div();
        failure.setId("domain-verify-error");
        failure.getStyle().set("color", "var(--lumo-error-text-color)");
        failure.setVisible(false);
        Button verify = new Button("Verify", VaadinIcon.CHECK_CIRCLE.create(), e -> {
            try {
                api.post(domainPath + "/verify", null, Domains.Domain.class);
                Notifications.success(domain.hostname() + " is verified: the gateway serves it now");
                refresh();
            } catch (ApiProblem problem) {
                failure.setText("Verification failed: " + problem.getMessage());
                failure.setVisible(true);
            }
        });
        verify.setId("domain-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.setEnabled(CurrentOrganization.canWrite());
        section.add(verify, failure);
        return section;
    }

    private static Component recordLine(String name, String value, String id) {
        Span label = new Span(name);
        label.setWidth("4em");
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span text = new Span(value);
        text.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("word-break", "break-all");
        if (id != null) {
            text.setId(id);
        }
        HorizontalLayout line = new HorizontalLayout(label, text);
        if (id != null) {
            line.add(CopyButton.of(value));
        }
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return line;
    }

    private Component certificate(Domains.Domain domain) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        Domains.Certificate current = domain.certificate();
        if (current == null) {
            section.add(new Paragraph("No certificate yet: the gateway serves this hostname over plain HTTP only."));
        } else {
            Paragraph summary = new Paragraph(current.subject() + ", issued by " + current.issuer() + "; names "
                    + String.join(", ", current.subjectAlternativeNames()) + "; valid " + DomainsView.DAY.format(current.notBefore())
                    + " to " + DomainsView.DAY.format(current.notAfter()) + "; " + current.keyAlgorithm() + " key, chain of "
                    + current.chainLength() + ". SHA-256 " + current.sha256Fingerprint());
            summary.setId("certificate-summary");
            section.add(summary);
        }
        TextArea chain = new TextArea("Certificate chain (PEM, leaf first, each followed by its issuer)");
        chain.setPlaceholder("-----BEGIN CERTIFICATE-----");
        chain.setWidthFull();
        chain.setMaxHeight("12em");
        chain.setId("certificate-chain");
        TextArea key = new TextArea("Private key (unencrypted PEM, BEGIN PRIVATE KEY; stored encrypted, never shown again)");
        key.setPlaceholder("-----BEGIN PRIVATE KEY-----");
        key.setWidthFull();
        key.setMaxHeight("12em");
        key.setId("certificate-key");
        UnorderedList failures = new UnorderedList();
        failures.setId("certificate-errors");
        failures.getStyle().set("color", "var(--lumo-error-text-color)");
        Button upload = new Button(current == null ? "Upload certificate" : "Replace certificate", VaadinIcon.UPLOAD.create(), e -> {
            failures.removeAll();
            chain.setInvalid(false);
            key.setInvalid(false);
            try {
                api.put(domainPath + "/certificate", new Domains.CertificateUpload(chain.getValue(), key.getValue()),
                        Domains.Domain.class);
                Notifications.success("Certificate uploaded: the gateway serves " + domain.hostname() + " over HTTPS within seconds");
                refresh();
            } catch (ApiProblem problem) {
                if (problem.violations().isEmpty()) {
                    Notifications.error(problem.getMessage());
                    return;
                }
                // every failed check, each on its line; both texts stay as pasted
                CertificateChecks.describe(problem).forEach(line -> failures.add(new ListItem(line)));
                problem.violations().forEach(v -> (CertificateChecks.aboutChain(v.field()) ? chain : key).setInvalid(true));
            }
        });
        upload.setId("certificate-upload");
        upload.setEnabled(CurrentOrganization.canWrite());
        section.add(chain, key, failures, upload);
        if (current != null) {
            Button remove = new Button("Remove certificate", e -> Confirm.destructive("Remove the certificate?",
                    "The gateway then serves " + domain.hostname() + " over plain HTTP only.", "Remove", () -> {
                        try {
                            api.delete(domainPath + "/certificate");
                            Notifications.success("Certificate removed");
                            refresh();
                        } catch (ApiProblem problem) {
                            Notifications.error(problem.getMessage());
                        }
                    }));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.setEnabled(CurrentOrganization.canWrite());
            section.add(remove);
        }
        return section;
    }

    private Component mappings(Domains.Domain domain) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        List<Domains.Mapping> mappings = api.list(domainPath + "/mappings", Domains.Mapping.class);
        List<Wire.Api> apis = api.list(CurrentOrganization.path() + "/apis", Wire.Api.class);
        Map<String, String> apiNames = apis.stream().collect(Collectors.toMap(Wire.Api::id, Wire.Api::name, (a, b) -> a));
        if (mappings.isEmpty()) {
            section.add(new Paragraph("No mappings yet: map a base path (or the root) of " + domain.hostname()
                    + " to an API stage."));
        } else {
            Grid<Domains.Mapping> grid = new Grid<>();
            grid.addColumn(m -> "/" + (m.basePath() == null ? "" : m.basePath())).setHeader("Base path").setAutoWidth(true);
            grid.addColumn(m -> apiNames.getOrDefault(m.apiId(), m.apiId())).setHeader("API").setFlexGrow(2);
            grid.addColumn(Domains.Mapping::stage).setHeader("Stage").setAutoWidth(true);
            grid.addColumn(m -> (domain.certificate() == null ? "http://" : "https://") + domain.hostname() + "/"
                    + (m.basePath() == null ? "" : m.basePath())).setHeader("Calls go to").setFlexGrow(3);
            grid.addComponentColumn(m -> {
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> Confirm.destructive(
                        "Remove the mapping /" + m.basePath() + "?", "The gateway stops routing it within seconds.", "Remove",
                        () -> {
                            try {
                                api.delete(domainPath + "/mappings/" + m.id());
                                Notifications.success("Mapping removed");
                                refresh();
                            } catch (ApiProblem problem) {
                                Notifications.error(problem.getMessage());
                            }
                        }));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                remove.setAriaLabel("Remove mapping");
                remove.setEnabled(CurrentOrganization.canWrite());
                return remove;
            }).setAutoWidth(true);
            grid.setItems(mappings);
            grid.setAllRowsVisible(true);
            grid.setId("mappings-grid");
            section.add(grid);
        }
        TextField basePath = new TextField("Base path");
        basePath.setPlaceholder("v1 (empty for the root)");
        basePath.setId("mapping-base-path");
        ComboBox<Wire.Api> target = new ComboBox<>("API");
        target.setItems(apis);
        target.setItemLabelGenerator(Wire.Api::name);
        target.setId("mapping-api");
        ComboBox<String> stage = new ComboBox<>("Stage");
        stage.setId("mapping-stage");
        target.addValueChangeListener(e -> {
            stage.clear();
            stage.setItems(e.getValue() == null ? List.of() : api.list(CurrentOrganization.path() + "/apis/" + e.getValue().id()
                    + "/stages", Wire.Stage.class).stream().map(Wire.Stage::name).toList());
        });
        FieldErrors errors = new FieldErrors().bind("basePath", basePath).bind("apiId", target).bind("stage", stage);
        Button add = new Button("Add mapping", VaadinIcon.PLUS.create(), e -> {
            try {
                api.post(domainPath + "/mappings", new Domains.MappingSpec(basePath.getValue().trim(),
                        target.getValue() == null ? null : target.getValue().id(), stage.getValue()), Domains.Mapping.class);
                Notifications.success("Mapped /" + basePath.getValue().trim() + " to " + target.getValue().name() + " · " + stage.getValue());
                refresh();
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        add.setId("mapping-add");
        add.setEnabled(CurrentOrganization.canWrite());
        FormLayout form = new FormLayout(basePath, target, stage);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 3));
        HorizontalLayout row = new HorizontalLayout(form, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        row.expand(form);
        section.add(row);
        return section;
    }
}
