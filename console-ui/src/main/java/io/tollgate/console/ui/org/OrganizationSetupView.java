package io.tollgate.console.ui.org;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.apis.ApisView;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Notifications;
import jakarta.inject.Inject;

/** Creating an organization: where a new person lands on first sign-in, and "New organization" later. */
@Route(value = "organizations/new", autoLayout = false)
@RouteAlias(value = "welcome", autoLayout = false)
@PageTitle("Create your organization · Tollgate")
public class OrganizationSetupView extends VerticalLayout {

    @Inject
    public OrganizationSetupView(TenantApiClient api) {
        addClassName("setup-page");
        setMaxWidth("36em");
        setMargin(true);
        TextField name = new TextField("Organization name");
        name.setId("organization-name");
        name.setPlaceholder("Acme Inc.");
        name.setHelperText("Usually your company or team. You can rename it and invite people later.");
        name.setWidthFull();
        name.setMaxLength(100);
        FieldErrors errors = new FieldErrors().bind("name", name);
        Button create = new Button("Create organization", event -> {
            try {
                Wire.Tenant tenant = api.post("/v1/tenants", new Wire.NewTenant(name.getValue().trim()), Wire.Tenant.class);
                CurrentOrganization.set(tenant);
                Notifications.success("Organization " + tenant.name() + " created: you are its owner");
                UI.getCurrent().navigate(ApisView.class);
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        create.setId("create-organization");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        add(new H1("Create your organization"),
                new Paragraph("Everything in Tollgate — APIs, keys, usage plans, members — belongs to an organization. "
                        + "Create one to get started; you will be its owner."),
                name, create);
    }
}
