package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.fasterxml.jackson.databind.JsonNode;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Notifications;
import java.util.List;
import java.util.Map;

/**
 * Creates or edits a route: method and path, authorization, and an integration of one of the four
 * kinds showing only the fields that kind uses. A refused save keeps the dialog and all its input.
 */
final class RouteEditor extends Dialog {

    private final Select<String> method = new Select<>();
    private final TextField path = new TextField("Path");
    private final Select<String> authorization = new Select<>();
    private final Select<Wire.Authorizer> authorizer = new Select<>();
    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>("Integration");
    private final TextField uri = new TextField("Endpoint URL");
    private final IntegerField timeout = new IntegerField("Timeout (ms)");
    private final Select<String> upstreamMethod = new Select<>();
    private final TextArea requestTemplate = new TextArea("Request mapping template (application/json)");
    private final IntegerField statusCode = new IntegerField("Status code");
    private final TextArea body = new TextArea("Response body");
    private final Select<String> payloadFormat = new Select<>();
    private final Select<String> bodyModel = new Select<>();
    /** The route's validation as stored, so that fields this editor does not show survive a save. */
    private JsonNode validation;

    RouteEditor(TenantApiClient api, String apiPath, Wire.Route existing, List<Wire.Authorizer> authorizers, List<String> models,
                Runnable saved) {
        setHeaderTitle(existing == null ? "Add route" : "Edit " + existing.method() + " " + existing.path());
        setWidth("46em");
        method.setLabel("Method");
        method.setItems("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
        method.setValue("GET");
        method.setId("route-method");
        path.setPlaceholder("/pets/{id}");
        path.setHelperText("{name} captures a segment; {name+} at the end captures the rest.");
        path.setId("route-path");
        authorization.setLabel("Authorization");
        authorization.setItems("NONE", "API_KEY", "JWT", "REQUEST");
        authorization.setItemLabelGenerator(a -> switch (a) {
            case "API_KEY" -> "API key (x-api-key)";
            case "JWT" -> "JWT authorizer";
            case "REQUEST" -> "Request authorizer";
            default -> "None (open)";
        });
        authorization.setValue("NONE");
        authorization.setId("route-authorization");
        authorizer.setLabel("Authorizer");
        authorizer.setItems(authorizers);
        authorizer.setItemLabelGenerator(a -> a.name() + " (" + a.type() + ")");
        kind.setItems("HTTP_PROXY", "HTTP", "MOCK", "FUNCTION");
        kind.setItemLabelGenerator(k -> switch (k) {
            case "HTTP_PROXY" -> "HTTP proxy";
            case "HTTP" -> "HTTP with mapping";
            case "MOCK" -> "Mock";
            default -> "Function";
        });
        kind.setValue("HTTP_PROXY");
        kind.setId("route-integration-kind");
        uri.setPlaceholder("https://backend.example.com/{id}");
        uri.setId("route-uri");
        timeout.setPlaceholder("29000");
        upstreamMethod.setLabel("Upstream method");
        upstreamMethod.setItems("", "GET", "POST", "PUT", "PATCH", "DELETE");
        upstreamMethod.setItemLabelGenerator(m -> m.isEmpty() ? "Same as the request" : m);
        upstreamMethod.setValue("");
        statusCode.setValue(200);
        statusCode.setId("route-mock-status");
        body.setId("route-mock-body");
        payloadFormat.setLabel("Event format");
        payloadFormat.setItems("2.0", "1.0");
        payloadFormat.setValue("2.0");

        bodyModel.setLabel("Validate the JSON body against");
        bodyModel.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(""), models.stream()).toList());
        bodyModel.setItemLabelGenerator(m -> m.isEmpty() ? "No model (body not validated)" : m);
        bodyModel.setValue("");
        bodyModel.setHelperText(models.isEmpty() ? "Define models (JSON Schema) on the API's Models tab." : null);
        bodyModel.setId("route-body-model");

        FormLayout form = new FormLayout(method, path, authorization, authorizer, kind, uri, upstreamMethod, timeout,
                requestTemplate, statusCode, payloadFormat, body, bodyModel);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
        form.setColspan(path, 1);
        form.setColspan(kind, 2);
        form.setColspan(uri, 2);
        form.setColspan(body, 2);
        form.setColspan(requestTemplate, 2);
        form.setColspan(bodyModel, 2);
        add(form);

        if (existing != null) {
            fill(existing, authorizers);
        }
        authorization.addValueChangeListener(e -> showFields());
        kind.addValueChangeListener(e -> showFields());
        showFields();

        FieldErrors errors = new FieldErrors().bind("method", method).bind("path", path)
                .bind("authorization", authorizer).bind("integration.type", kind).bind("integration.uri", uri)
                .bind("integration.timeoutMillis", timeout).bind("integration.method", upstreamMethod)
                .bind("integration.requestTemplates", requestTemplate).bind("integration.statusCode", statusCode)
                .bind("integration.body", body).bind("integration.payloadFormatVersion", payloadFormat)
                .bind("integration", uri).bind("validation", bodyModel);
        Button save = new Button(existing == null ? "Add route" : "Save", event -> {
            try {
                if (existing == null) {
                    api.post(apiPath + "/routes", spec(), Wire.Route.class);
                } else {
                    api.put(apiPath + "/routes/" + existing.id(), spec(), Wire.Route.class);
                }
                close();
                Notifications.success("Route saved — deploy the API to a stage to serve it");
                saved.run();
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        save.setId("route-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void fill(Wire.Route route, List<Wire.Authorizer> authorizers) {
        validation = route.validation();
        String model = RouteValidation.bodyModel(validation);
        if (model != null && !bodyModel.getListDataView().contains(model)) {
            bodyModel.setItems(java.util.stream.Stream.concat(bodyModel.getListDataView().getItems(), java.util.stream.Stream.of(model)).toList());
        }
        bodyModel.setValue(model == null ? "" : model);
        method.setValue(route.method());
        path.setValue(route.path());
        if (route.authorization() != null && route.authorization().type() != null) {
            authorization.setValue(route.authorization().type());
            authorizers.stream().filter(a -> a.id().equals(route.authorization().authorizerId())).findFirst()
                    .ifPresent(authorizer::setValue);
        }
        Wire.Integration integration = route.integration();
        if (integration != null) {
            kind.setValue(integration.type());
            uri.setValue(integration.uri() == null ? "" : integration.uri());
            timeout.setValue(integration.timeoutMillis());
            upstreamMethod.setValue(integration.method() == null ? "" : integration.method());
            if (integration.requestTemplates() != null) {
                requestTemplate.setValue(integration.requestTemplates().getOrDefault("application/json", ""));
            }
            if (integration.statusCode() != null) {
                statusCode.setValue(integration.statusCode());
            }
            body.setValue(integration.body() == null ? "" : integration.body());
            if (integration.payloadFormatVersion() != null) {
                payloadFormat.setValue(integration.payloadFormatVersion());
            }
        }
    }

    /** Only the fields of the chosen kind are shown, and only those are sent. */
    private void showFields() {
        String type = kind.getValue();
        authorizer.setVisible("JWT".equals(authorization.getValue()) || "REQUEST".equals(authorization.getValue()));
        uri.setVisible(!"MOCK".equals(type));
        timeout.setVisible(!"MOCK".equals(type));
        upstreamMethod.setVisible("HTTP".equals(type));
        requestTemplate.setVisible("HTTP".equals(type));
        statusCode.setVisible("MOCK".equals(type));
        body.setVisible("MOCK".equals(type));
        payloadFormat.setVisible("FUNCTION".equals(type));
        uri.setLabel("FUNCTION".equals(type) ? "Function URL" : "Endpoint URL");
    }

    private Wire.RouteSpec spec() {
        String type = kind.getValue();
        boolean mock = "MOCK".equals(type);
        Wire.Integration integration = new Wire.Integration(type,
                mock ? null : blankToNull(uri.getValue()), null, null, null,
                mock ? null : timeout.getValue(),
                "HTTP".equals(type) ? blankToNull(upstreamMethod.getValue()) : null,
                null,
                "HTTP".equals(type) && !requestTemplate.getValue().isBlank()
                        ? Map.of("application/json", requestTemplate.getValue()) : null,
                null,
                mock ? statusCode.getValue() : null, null,
                mock ? body.getValue() : null,
                "FUNCTION".equals(type) ? payloadFormat.getValue() : null);
        String auth = authorization.getValue();
        Wire.Authorization authorizationSpec = "NONE".equals(auth) ? null : new Wire.Authorization(auth,
                authorizer.isVisible() && authorizer.getValue() != null ? authorizer.getValue().id() : null, null, null);
        return new Wire.RouteSpec(method.getValue(), path.getValue().trim(), authorizationSpec, integration,
                RouteValidation.withBodyModel(validation, bodyModel.getValue()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
