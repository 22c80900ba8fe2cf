package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Confirm;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Lists;
import java.util.List;
import java.util.Map;

/**
 * Overrides of the errors the gateway itself answers (docs/gateway-errors.md): status, extra headers
 * and a body template per error type, for this API.
 */
final class GatewayResponsesPanel extends VerticalLayout {

    /** The gateway's error types, as docs/gateway-errors.md lists them. */
    static final List<String> ERROR_TYPES = List.of("UNKNOWN_HOST", "STAGE_NOT_FOUND", "ROUTE_NOT_FOUND", "METHOD_NOT_ALLOWED",
            "API_KEY_MISSING", "API_KEY_INVALID", "API_KEY_DISABLED", "API_KEY_EXPIRED", "API_KEY_NOT_ALLOWED", "UNAUTHORIZED",
            "FORBIDDEN", "ACCESS_DENIED", "AUTHORIZER_FAILURE", "CACHE_INVALIDATION_FORBIDDEN", "BAD_REQUEST_PARAMETERS",
            "BAD_REQUEST_BODY", "PAYLOAD_TOO_LARGE", "URI_TOO_LONG", "HEADERS_TOO_LARGE", "THROTTLED", "QUOTA_EXCEEDED",
            "BAD_GATEWAY", "INTEGRATION_FAILURE", "UPSTREAM_UNAVAILABLE", "INTEGRATION_TIMEOUT", "INTERNAL");

    private static final ApiSpecEntry<Wire.GatewayResponse> ENTRIES = new ApiSpecEntry<>(Wire.ApiSpec::gatewayResponses, Wire.ApiSpec::withGatewayResponses);

    private final TenantApiClient api;
    private final String apiPath;

    GatewayResponsesPanel(TenantApiClient api, String apiPath) {
        this.api = api;
        this.apiPath = apiPath;
        setPadding(false);
        refresh();
    }

    private void refresh() {
        removeAll();
        Map<String, Wire.GatewayResponse> overrides = ENTRIES.all(api, apiPath);
        Button add = new Button("Add override", VaadinIcon.PLUS.create(), e -> editor(null, null).open());
        add.setId("add-gateway-response");
        add.setEnabled(CurrentOrganization.canWrite());
        add(new Paragraph("Errors the gateway answers itself (missing key, throttled, integration timeout, …) have "
                + "documented defaults; override the status, headers or body of any of them here. Templates may use "
                + "$context.error.message and $context.requestId. Deploy the API for the gateway to apply a change."), add);
        if (overrides.isEmpty()) {
            return;
        }
        Grid<Map.Entry<String, Wire.GatewayResponse>> grid = new Grid<>();
        grid.addColumn(Map.Entry::getKey).setHeader("Error type").setAutoWidth(true);
        grid.addColumn(e -> e.getValue().statusCode() == null ? "default" : String.valueOf(e.getValue().statusCode()))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(e -> Lists.lines(e.getValue().headers()).replace("\n", "; ")).setHeader("Headers").setFlexGrow(1);
        grid.addColumn(e -> e.getValue().bodyTemplate() == null ? "default" : e.getValue().bodyTemplate()).setHeader("Body template")
                .setFlexGrow(2);
        grid.addComponentColumn(e -> {
            Button edit = new Button("Edit", click -> editor(e.getKey(), e.getValue()).open());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.setEnabled(CurrentOrganization.canWrite());
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> Confirm.destructive("Remove the " + e.getKey()
                    + " override?", "The gateway answers " + e.getKey() + " with its default again after the next deployment.",
                    "Remove", () -> save(e.getKey(), null, null)));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove override");
            remove.setEnabled(CurrentOrganization.canWrite());
            return new HorizontalLayout(edit, remove);
        }).setAutoWidth(true);
        grid.setItems(overrides.entrySet().stream().toList());
        grid.setAllRowsVisible(true);
        grid.setId("gateway-responses-grid");
        add(grid);
    }

    private Dialog editor(String type, Wire.GatewayResponse existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(type == null ? "Override a gateway response" : "Override " + type);
        ComboBox<String> errorType = new ComboBox<>("Error type");
        errorType.setItems(ERROR_TYPES);
        errorType.setAllowCustomValue(true);
        errorType.addCustomValueSetListener(e -> errorType.setValue(e.getDetail()));
        errorType.setId("gateway-response-type");
        IntegerField status = new IntegerField("Status code (empty: the default)");
        status.setMin(100);
        status.setMax(599);
        status.setId("gateway-response-status");
        TextArea headers = new TextArea("Extra headers (one name=value a line)");
        headers.setId("gateway-response-headers");
        TextArea body = new TextArea("Body template (empty: the default)");
        body.setPlaceholder("{\"message\": \"$context.error.message\", \"requestId\": \"$context.requestId\"}");
        body.setId("gateway-response-body");
        if (type != null) {
            errorType.setValue(type);
            errorType.setReadOnly(true);
            status.setValue(existing.statusCode());
            headers.setValue(Lists.lines(existing.headers()));
            body.setValue(existing.bodyTemplate() == null ? "" : existing.bodyTemplate());
        }
        FormLayout form = new FormLayout(errorType, status, headers, body);
        form.setColspan(headers, 2);
        form.setColspan(body, 2);
        form.setWidth("40em");
        dialog.add(form);
        Button save = new Button("Save", e -> {
            String chosen = errorType.getValue();
            String prefix = "gatewayResponses." + chosen;
            FieldErrors errors = new FieldErrors().bind(prefix, errorType).bind(prefix + ".statusCode", status)
                    .bind(prefix + ".headers", headers).bind(prefix + ".bodyTemplate", body);
            if (chosen == null || chosen.isBlank()) {
                errorType.setErrorMessage("Choose the error type to override");
                errorType.setInvalid(true);
                return;
            }
            Map<String, String> headerMap = Lists.pairs(headers.getValue());
            if (save(chosen, new Wire.GatewayResponse(status.getValue(), headerMap.isEmpty() ? null : headerMap,
                    body.getValue().isBlank() ? null : body.getValue()), errors)) {
                dialog.close();
            }
        });
        save.setId("gateway-response-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    /** Replaces the API with one override changed (null removes it); re-reads the API first so no other change is lost. */
    private boolean save(String type, Wire.GatewayResponse response, FieldErrors errors) {
        String done = response == null ? "Override of " + type + " removed" : type + " override saved";
        if (!ENTRIES.save(api, apiPath, type, response, done, errors)) {
            return false;
        }
        refresh();
        return true;
    }
}
