package io.tollgate.console.ui.keys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Confirm;
import io.tollgate.console.ui.components.EmptyState;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Notifications;
import io.tollgate.console.ui.components.PageHeader;
import io.tollgate.console.ui.components.SecretReveal;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** API keys: create (value shown once), enable/disable, expiry, usage plans, delete. */
@Route("api-keys")
@PageTitle("API keys · Tollgate")
public class ApiKeysView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TenantApiClient api;

    @Inject
    public ApiKeysView(TenantApiClient api) {
        this.api = api;
        refresh();
    }

    private String keysPath() {
        return CurrentOrganization.path() + "/api-keys";
    }

    private void refresh() {
        removeAll();
        List<Wire.ApiKey> keys = api.list(keysPath(), Wire.ApiKey.class);
        List<Wire.UsagePlan> plans = api.list(CurrentOrganization.path() + "/usage-plans", Wire.UsagePlan.class);
        Map<String, Wire.UsagePlan> planById = UsagePlansView.byId(plans);
        Button create = new Button("Create API key", VaadinIcon.PLUS.create(), e -> editor(plans).open());
        create.setId("create-api-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setEnabled(CurrentOrganization.canWrite());
        Button usage = new Button("Usage per key", VaadinIcon.CHART.create(), e -> getUI().ifPresent(ui -> ui.navigate(KeyUsageView.class)));
        usage.setId("key-usage");
        add(new PageHeader("API keys", "Keys callers send in x-api-key; usage plans decide where and how much they may call.",
                usage, create));
        if (keys.isEmpty()) {
            add(new EmptyState("No API keys yet", plans.isEmpty()
                    ? "Create a usage plan first (Usage plans), then a key on it for each caller."
                    : "Create a key for each caller and put it on a usage plan.", null));
            return;
        }
        Grid<Wire.ApiKey> grid = new Grid<>();
        grid.addColumn(Wire.ApiKey::name).setHeader("Name");
        grid.addColumn(k -> k.prefix() + "…").setHeader("Key").setAutoWidth(true);
        grid.addColumn(k -> k.usagePlanIds() == null ? "" : k.usagePlanIds().stream()
                .map(id -> planById.containsKey(id) ? planById.get(id).name() : id).collect(Collectors.joining(", ")))
                .setHeader("Usage plans");
        grid.addColumn(k -> k.expiresAt() == null ? "never" : WHEN.format(k.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addComponentColumn(k -> {
            Checkbox enabled = new Checkbox(k.enabled() ? "Enabled" : "Disabled", k.enabled());
            enabled.setEnabled(CurrentOrganization.canWrite());
            enabled.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                try {
                    api.patch(keysPath() + "/" + k.id(), new Wire.ApiKeyChange(null, e.getValue(), null, null), Wire.ApiKey.class);
                    Notifications.success("Key " + k.name() + (e.getValue() ? " enabled" : " disabled"));
                    enabled.setLabel(e.getValue() ? "Enabled" : "Disabled");
                } catch (ApiProblem problem) {
                    enabled.setValue(e.getOldValue());
                    Notifications.error(problem.getMessage());
                }
            });
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> Confirm.destructive("Delete key " + k.name() + "?",
                    "Callers using it are refused at once. This cannot be undone.", "Delete key", () -> {
                        try {
                            api.delete(keysPath() + "/" + k.id());
                            Notifications.success("Key deleted");
                            refresh();
                        } catch (ApiProblem problem) {
                            Notifications.error(problem.getMessage());
                        }
                    }));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel("Delete key");
            delete.setEnabled(CurrentOrganization.canWrite());
            return new HorizontalLayout(enabled, delete);
        }).setAutoWidth(true);
        grid.setItems(keys);
        grid.setId("api-keys-grid");
        add(grid);
    }

    private Dialog editor(List<Wire.UsagePlan> plans) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create API key");
        TextField name = new TextField("Name");
        name.setPlaceholder("Partner X");
        name.setId("key-name");
        MultiSelectComboBox<Wire.UsagePlan> onPlans = new MultiSelectComboBox<>("Usage plans");
        onPlans.setItems(plans);
        onPlans.setItemLabelGenerator(Wire.UsagePlan::name);
        onPlans.setId("key-plans");
        if (plans.size() == 1) {
            onPlans.select(plans.getFirst());
        }
        DateTimePicker expires = new DateTimePicker("Expires (UTC, optional)");
        FormLayout form = new FormLayout(name, onPlans, expires);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("30em");
        dialog.add(form);
        FieldErrors errors = new FieldErrors().bind("name", name).bind("usagePlanIds", onPlans).bind("expiresAt", expires);
        Button save = new Button("Create", e -> {
            Instant expiresAt = expires.getValue() == null ? null : expires.getValue().toInstant(ZoneOffset.UTC);
            try {
                Wire.ApiKey created = api.post(keysPath(), new Wire.NewApiKey(name.getValue().trim(), true, expiresAt,
                        onPlans.getSelectedItems().stream().map(Wire.UsagePlan::id).toList()), Wire.ApiKey.class);
                dialog.close();
                refresh();
                SecretReveal.show("API key " + created.name() + " created", created.value());
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        save.setId("key-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }
}
