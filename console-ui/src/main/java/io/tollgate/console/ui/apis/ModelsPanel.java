package io.tollgate.console.ui.apis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Confirm;
import io.tollgate.console.ui.components.FieldErrors;
import java.util.Map;

/** The API's validation models: named JSON Schema documents that routes validate request bodies against. */
final class ModelsPanel extends VerticalLayout {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ApiSpecEntry<JsonNode> ENTRIES = new ApiSpecEntry<>(Wire.ApiSpec::models, Wire.ApiSpec::withModels);

    private final TenantApiClient api;
    private final String apiPath;

    ModelsPanel(TenantApiClient api, String apiPath) {
        this.api = api;
        this.apiPath = apiPath;
        setPadding(false);
        refresh();
    }

    private void refresh() {
        removeAll();
        Map<String, JsonNode> models = ENTRIES.all(api, apiPath);
        Button add = new Button("Add model", VaadinIcon.PLUS.create(), e -> editor(null, null).open());
        add.setId("add-model");
        add.setEnabled(CurrentOrganization.canWrite());
        add(new Paragraph("A model is a JSON Schema; choose it as a route's validation model (route editor) and the "
                + "gateway refuses bodies that do not match with 400 BAD_REQUEST_BODY."), add);
        if (models.isEmpty()) {
            return;
        }
        Grid<Map.Entry<String, JsonNode>> grid = new Grid<>();
        grid.addColumn(Map.Entry::getKey).setHeader("Name").setAutoWidth(true);
        grid.addColumn(e -> e.getValue().toString()).setHeader("Schema").setFlexGrow(3);
        grid.addComponentColumn(e -> {
            Button edit = new Button("Edit", click -> editor(e.getKey(), e.getValue()).open());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.setEnabled(CurrentOrganization.canWrite());
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> Confirm.destructive("Delete model " + e.getKey() + "?",
                    "Routes that validate against it must choose another model first, or the API refuses the change.",
                    "Delete", () -> save(e.getKey(), null, null)));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Delete model");
            remove.setEnabled(CurrentOrganization.canWrite());
            return new HorizontalLayout(edit, remove);
        }).setAutoWidth(true);
        grid.setItems(models.entrySet().stream().toList());
        grid.setAllRowsVisible(true);
        grid.setId("models-grid");
        add(grid);
    }

    private Dialog editor(String name, JsonNode schema) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(name == null ? "Add a model" : "Edit model " + name);
        TextField modelName = new TextField("Name");
        modelName.setPlaceholder("Pet");
        modelName.setId("model-name");
        TextArea text = new TextArea("JSON Schema");
        text.setPlaceholder("{\"type\": \"object\", \"required\": [\"name\"]}");
        text.setWidth("40em");
        text.setMinHeight("12em");
        text.setId("model-schema");
        if (name != null) {
            modelName.setValue(name);
            modelName.setReadOnly(true);
            text.setValue(schema.toPrettyString());
        }
        dialog.add(new VerticalLayout(modelName, text));
        Button save = new Button("Save", e -> {
            String chosen = modelName.getValue().trim();
            JsonNode parsed;
            try {
                parsed = JSON.readTree(text.getValue());
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                text.setErrorMessage("Not JSON: " + notJson.getOriginalMessage());
                text.setInvalid(true);
                return;
            }
            FieldErrors errors = new FieldErrors().bind("models." + chosen, text).bind("models", modelName);
            if (save(chosen, parsed == null || parsed.isMissingNode() ? JSON.nullNode() : parsed, errors)) {
                dialog.close();
            }
        });
        save.setId("model-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    /** Replaces the API with one model changed (null removes it); re-reads the API first so no other change is lost. */
    private boolean save(String name, JsonNode schema, FieldErrors errors) {
        String done = schema == null ? "Model " + name + " deleted" : "Model " + name + " saved";
        if (!ENTRIES.save(api, apiPath, name, schema, done, errors)) {
            return false;
        }
        refresh();
        return true;
    }
}
