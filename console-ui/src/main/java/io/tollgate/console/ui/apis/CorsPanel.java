package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Lists;
import io.tollgate.console.ui.components.Notifications;

/** The API's CORS: the gateway answers preflights itself and adds the headers to responses. */
final class CorsPanel extends VerticalLayout {

    CorsPanel(TenantApiClient api, String apiPath, Wire.Api current) {
        setPadding(false);
        Wire.Cors cors = current.cors();
        TextField origins = new TextField("Allowed origins");
        origins.setPlaceholder("https://app.example.com, or *");
        TextField methods = new TextField("Allowed methods");
        methods.setPlaceholder("GET, POST");
        TextField headers = new TextField("Allowed headers");
        TextField expose = new TextField("Exposed headers");
        Checkbox credentials = new Checkbox("Allow credentials");
        IntegerField maxAge = new IntegerField("Preflight cache (s)");
        if (cors != null) {
            origins.setValue(Lists.join(cors.allowOrigins()));
            methods.setValue(Lists.join(cors.allowMethods()));
            headers.setValue(Lists.join(cors.allowHeaders()));
            expose.setValue(Lists.join(cors.exposeHeaders()));
            credentials.setValue(Boolean.TRUE.equals(cors.allowCredentials()));
            maxAge.setValue(cors.maxAgeSeconds());
        }
        FormLayout form = new FormLayout(origins, methods, headers, expose, credentials, maxAge);
        FieldErrors errors = new FieldErrors().bind("cors.allowOrigins", origins).bind("cors.allowMethods", methods)
                .bind("cors.allowHeaders", headers).bind("cors.exposeHeaders", expose)
                .bind("cors.allowCredentials", credentials).bind("cors.maxAgeSeconds", maxAge);
        Button save = new Button("Save CORS", e -> {
            Wire.Cors changed = origins.getValue().isBlank() ? null : new Wire.Cors(Lists.split(origins.getValue()),
                    Lists.split(methods.getValue()), Lists.split(headers.getValue()), Lists.split(expose.getValue()),
                    credentials.getValue(), maxAge.getValue());
            try {
                // the API as it is now, so that changes made on other tabs since this page loaded are kept
                api.put(apiPath, api.get(apiPath, Wire.Api.class).spec().withCors(changed), Wire.Api.class);
                errors.clear();
                Notifications.success("CORS saved — deploy the API for the gateway to apply it");
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(CurrentOrganization.canWrite());
        add(new Paragraph("Leave the origins empty to switch CORS off (the gateway then answers no preflight)."), form, save);
    }
}
