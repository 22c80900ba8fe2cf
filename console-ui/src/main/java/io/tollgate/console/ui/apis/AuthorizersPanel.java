package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Confirm;
import io.tollgate.console.ui.components.EmptyState;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Lists;
import io.tollgate.console.ui.components.Notifications;
import java.util.List;

/** The API's authorizers: JWT (issuer, audiences, JWKS) and request authorizers (an endpoint of the tenant). */
final class AuthorizersPanel extends VerticalLayout {

    private final TenantApiClient api;
    private final String apiPath;

    AuthorizersPanel(TenantApiClient api, String apiPath) {
        this.api = api;
        this.apiPath = apiPath;
        setPadding(false);
        refresh();
    }

    private void refresh() {
        removeAll();
        List<Wire.Authorizer> authorizers = api.list(apiPath + "/authorizers", Wire.Authorizer.class);
        Button add = new Button("Add authorizer", VaadinIcon.PLUS.create(), e -> editor().open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setEnabled(CurrentOrganization.canWrite());
        if (authorizers.isEmpty()) {
            add(new EmptyState("No authorizers", "Authorizers check callers before a route runs: a JWT authorizer "
                    + "validates tokens of your identity provider, a request authorizer asks an endpoint of yours.", add));
            return;
        }
        Grid<Wire.Authorizer> grid = new Grid<>();
        grid.addColumn(Wire.Authorizer::name).setHeader("Name");
        grid.addColumn(Wire.Authorizer::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(a -> "JWT".equals(a.type()) ? a.issuer() : a.uri()).setHeader("Issuer / endpoint").setFlexGrow(3);
        grid.addComponentColumn(a -> {
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> Confirm.destructive("Delete authorizer " + a.name() + "?",
                    "Routes that use it must be changed first.", "Delete", () -> {
                        try {
                            api.delete(apiPath + "/authorizers/" + a.id());
                            Notifications.success("Authorizer deleted");
                            refresh();
                        } catch (ApiProblem problem) {
                            Notifications.error(problem.getMessage());
                        }
                    }));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setEnabled(CurrentOrganization.canWrite());
            return delete;
        }).setAutoWidth(true);
        grid.setItems(authorizers);
        grid.setAllRowsVisible(true);
        add(add, grid);
    }

    private Dialog editor() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add authorizer");
        TextField name = new TextField("Name");
        RadioButtonGroup<String> type = new RadioButtonGroup<>("Type");
        type.setItems("JWT", "REQUEST");
        type.setValue("JWT");
        TextField issuer = new TextField("Issuer (iss)");
        TextField audiences = new TextField("Audiences (comma-separated; empty accepts any)");
        TextField jwksUri = new TextField("JWKS URL");
        TextField uri = new TextField("Authorizer endpoint URL");
        TextField identitySources = new TextField("Identity sources");
        identitySources.setPlaceholder("$request.header.Authorization");
        IntegerField ttl = new IntegerField("Result cache (s)");
        Runnable show = () -> {
            boolean jwt = "JWT".equals(type.getValue());
            issuer.setVisible(jwt);
            audiences.setVisible(jwt);
            jwksUri.setVisible(jwt);
            uri.setVisible(!jwt);
            identitySources.setVisible(!jwt);
            ttl.setVisible(!jwt);
        };
        type.addValueChangeListener(e -> show.run());
        show.run();
        FormLayout form = new FormLayout(name, type, issuer, audiences, jwksUri, uri, identitySources, ttl);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("34em");
        dialog.add(form);
        FieldErrors errors = new FieldErrors().bind("name", name).bind("type", type).bind("issuer", issuer)
                .bind("audiences", audiences).bind("jwksUri", jwksUri).bind("uri", uri)
                .bind("identitySources", identitySources).bind("resultTtlSeconds", ttl);
        Button save = new Button("Add", e -> {
            boolean jwt = "JWT".equals(type.getValue());
            try {
                api.post(apiPath + "/authorizers", new Wire.AuthorizerSpec(name.getValue().trim(), type.getValue(),
                        jwt ? issuer.getValue() : null, jwt ? Lists.split(audiences.getValue()) : null,
                        jwt ? jwksUri.getValue() : null, jwt ? null : uri.getValue(),
                        jwt ? null : Lists.split(identitySources.getValue()), jwt ? null : ttl.getValue()), Wire.Authorizer.class);
                dialog.close();
                Notifications.success("Authorizer " + name.getValue() + " added");
                refresh();
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }
}
