package io.tollgate.console.ui.org;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Tenant access tokens: machine access to the tenant API (CI, scripts), shown once, revocable. */
@Route("access-tokens")
@PageTitle("Access tokens · Tollgate")
public class AccessTokensView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final TenantApiClient api;

    @Inject
    public AccessTokensView(TenantApiClient api) {
        this.api = api;
        refresh();
    }

    private void refresh() {
        removeAll();
        String path = CurrentOrganization.path() + "/access-tokens";
        Button create = new Button("Create token", VaadinIcon.PLUS.create(), e -> editor(path).open());
        create.setId("create-access-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setEnabled(CurrentOrganization.canAdminister());
        add(new PageHeader("Access tokens", "Tokens for scripts and CI to call the tenant API as this organization.", create));
        List<Wire.AccessToken> tokens = api.list(path, Wire.AccessToken.class);
        if (tokens.isEmpty()) {
            add(new EmptyState("No access tokens", "Create one for automation: send it as \"Authorization: Bearer …\" "
                    + "to the tenant API. Give it the lowest role that does the job.", null));
            return;
        }
        Grid<Wire.AccessToken> grid = new Grid<>();
        grid.addColumn(Wire.AccessToken::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Token").setAutoWidth(true);
        grid.addColumn(Wire.AccessToken::role).setHeader("Role").setAutoWidth(true);
        grid.addColumn(t -> t.revokedAt() != null ? "revoked " + DAY.format(t.revokedAt()) : "expires " + DAY.format(t.expiresAt()))
                .setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> Confirm.destructive("Revoke " + t.name() + "?",
                    "Scripts using it are refused at once. This cannot be undone.", "Revoke", () -> {
                        try {
                            api.delete(path + "/" + t.id());
                            Notifications.success("Token revoked");
                            refresh();
                        } catch (ApiProblem problem) {
                            Notifications.error(problem.getMessage());
                        }
                    }));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setEnabled(t.revokedAt() == null && CurrentOrganization.canAdminister());
            return revoke;
        }).setAutoWidth(true);
        grid.setItems(tokens);
        grid.setId("access-tokens-grid");
        add(grid);
    }

    private Dialog editor(String path) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create access token");
        TextField name = new TextField("Name");
        name.setPlaceholder("GitHub deploy");
        Select<String> role = new Select<>();
        role.setLabel("Role");
        role.setItems("viewer", "developer", "admin");
        role.setValue("developer");
        DatePicker expires = new DatePicker("Expires");
        expires.setValue(LocalDate.now(ZoneOffset.UTC).plusDays(90));
        expires.setHelperText("At most 366 days away.");
        FormLayout form = new FormLayout(name, role, expires);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        FieldErrors errors = new FieldErrors().bind("name", name).bind("role", role).bind("expiresAt", expires);
        Button save = new Button("Create", e -> {
            try {
                Wire.AccessToken created = api.post(path, new Wire.NewAccessToken(name.getValue().trim(), role.getValue(),
                        expires.getValue() == null ? null : expires.getValue().atStartOfDay().toInstant(ZoneOffset.UTC)),
                        Wire.AccessToken.class);
                dialog.close();
                refresh();
                SecretReveal.show("Access token " + created.name() + " created", created.token());
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }
}
