package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Notifications;

/** A new API: name, kind, description. Routes, authorizers and stages follow on its page. */
final class CreateApiDialog extends Dialog {

    CreateApiDialog(TenantApiClient api) {
        setHeaderTitle("Create API");
        TextField name = new TextField("Name");
        name.setId("new-api-name");
        name.setRequired(true);
        RadioButtonGroup<String> kind = new RadioButtonGroup<>("Kind");
        kind.setItems("REST", "HTTP", "WEBSOCKET");
        kind.setItemLabelGenerator(k -> switch (k) {
            case "REST" -> "REST — full features: API keys, usage plans, caching, validation";
            case "HTTP" -> "HTTP — lean proxy APIs with JWT authorizers";
            default -> "WebSocket — two-way messages";
        });
        kind.setValue("REST");
        kind.setId("new-api-kind");
        TextArea description = new TextArea("Description");
        description.setMaxLength(1024);
        FieldErrors errors = new FieldErrors().bind("name", name).bind("kind", kind).bind("description", description);
        FormLayout form = new FormLayout(name, kind, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("32em");
        add(form);
        Button create = new Button("Create", event -> {
            try {
                Wire.Api created = api.post(CurrentOrganization.path() + "/apis", new Wire.ApiSpec(name.getValue().trim(),
                        description.getValue().isBlank() ? null : description.getValue(), kind.getValue(), null, null, null,
                        null, null), Wire.Api.class);
                close();
                Notifications.success("API " + created.name() + " created");
                UI.getCurrent().navigate(ApiView.class, created.id());
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        create.setId("create-api-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), create);
    }
}
