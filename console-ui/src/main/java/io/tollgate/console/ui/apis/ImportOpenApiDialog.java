package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Notifications;
import io.tollgate.console.ui.components.RoundTripProgress;

/**
 * "Import OpenAPI": a JSON or YAML file, uploaded, becomes a new API or replaces an existing one's
 * definition (guarded by the ETag read when its page was opened). Afterwards the dialog lists what the
 * importer did not take over, with where it is in the document, before the person moves on; a refused
 * document shows every violation and keeps the chosen file for another try.
 */
final class ImportOpenApiDialog extends Dialog {

    private final TenantApiClient api;
    private final Wire.Api target;
    private final String targetEtag;
    private OpenApiFile chosen;

    private final Span chosenLabel = new Span("No file chosen yet.");
    private final Button importButton = new Button("Import");
    private final RoundTripProgress progress = new RoundTripProgress("openapi-import-progress");
    private final Div outcome = new Div();
    /** An import succeeded: the page under the dialog shows what was there before it. */
    private boolean imported;
    /** The person chose "Open": that navigation shows the new state. */
    private boolean opening;

    /** A new API from the document. */
    static ImportOpenApiDialog asNewApi(TenantApiClient api) {
        return new ImportOpenApiDialog(api, null, null);
    }

    /** Replaces {@code target}'s definition, routes and authorizers; {@code etag} is the version the person saw. */
    static ImportOpenApiDialog overwriting(TenantApiClient api, Wire.Api target, String etag) {
        return new ImportOpenApiDialog(api, target, etag);
    }

    private ImportOpenApiDialog(TenantApiClient api, Wire.Api target, String targetEtag) {
        this.api = api;
        this.target = target;
        this.targetEtag = targetEtag;
        setHeaderTitle(target == null ? "Import OpenAPI" : "Replace " + target.name() + " from OpenAPI");
        setWidth("52em");
        setCloseOnOutsideClick(false);

        Paragraph about = new Paragraph(target == null
                ? "An OpenAPI 3.0 or 3.1 document (JSON or YAML), such as an export of the cloud gateway with its "
                + "x-amazon-apigateway-* extensions, becomes a new API with its routes, integrations, authorizers, "
                + "models and CORS. Anything not understood is listed afterwards."
                : "The document replaces this API's routes, authorizers, models and settings. The gateway keeps serving "
                + "the deployed version until you deploy again.");
        Upload upload = new Upload();
        // Vaadin runs this in UI.access once the whole file is in memory; the page shows it with the upload's answer.
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            choose(new OpenApiFile(metadata.fileName(), bytes));
            upload.clearFileList(); // room for another file; the chosen one is named below and kept until replaced
        }));
        upload.setId("openapi-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(OpenApiFile.MAX_BYTES);
        upload.setAcceptedFileTypes(".json", ".yaml", ".yml", "application/json", "application/yaml", "text/yaml");
        upload.addFileRejectedListener(event -> Notifications.error(event.getErrorMessage()
                + " — choose an OpenAPI document in JSON or YAML of at most " + OpenApiFile.size(OpenApiFile.MAX_BYTES) + "."));
        chosenLabel.setId("openapi-chosen-file");

        outcome.setId("openapi-import-outcome");
        outcome.setWidthFull();

        VerticalLayout content = new VerticalLayout(about, upload, chosenLabel, progress, outcome);
        content.setPadding(false);
        add(content);

        importButton.setId("openapi-import-submit");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(event -> importChosen());
        progress.shownBy(importButton);
        getFooter().add(new Button("Cancel", event -> close()), importButton);
        addOpenedChangeListener(event -> {
            if (!event.isOpened() && imported && !opening) {
                // closed another way (Escape): show the new API in the list, or
                // the replaced routes and the API's new ETag, which the page's next change must carry
                UI.getCurrent().getPage().reload();
            }
        });
    }

    private void choose(OpenApiFile file) {
        chosen = file;
        chosenLabel.setText("Chosen: " + file.describe());
        outcome.removeAll();
        importButton.setEnabled(true);
    }

    private void importChosen() {
        outcome.removeAll();
        importButton.setEnabled(false);
        try {
            TenantApiClient.Tagged<Wire.ImportResult> result = target == null
                    ? api.sendDocument("POST", CurrentOrganization.path() + "/apis/import", chosen.content(), chosen.mediaType(),
                            null, Wire.ImportResult.class)
                    : api.sendDocument("PUT", CurrentOrganization.path() + "/apis/" + target.id() + "/definition",
                            chosen.content(), chosen.mediaType(), targetEtag, Wire.ImportResult.class);
            showImported(result.body());
        } catch (ApiProblem problem) {
            showRefused(problem);
            importButton.setEnabled(true); // the chosen file is kept: try again, or choose another
        } finally {
            progress.done();
        }
    }

    private void showImported(Wire.ImportResult result) {
        imported = true;
        Notifications.success("API " + result.api().name() + " imported");
        Span summary = new Span(result.api().name() + ": " + result.routes() + (result.routes() == 1 ? " route" : " routes")
                + ", " + result.authorizers() + (result.authorizers() == 1 ? " authorizer" : " authorizers") + " imported.");
        summary.setId("openapi-import-summary");
        outcome.add(summary);
        if (result.warnings() == null || result.warnings().isEmpty()) {
            outcome.add(new Paragraph("Everything in the document was understood."));
        } else {
            outcome.add(new H4(result.warnings().size() + (result.warnings().size() == 1 ? " part was" : " parts were")
                    + " not taken over"));
            outcome.add(findings(result.warnings().stream().map(w -> new Finding(w.path(), w.message())).toList(),
                    "openapi-import-warnings"));
        }
        getFooter().removeAll();
        Button open = new Button("Open " + result.api().name(), VaadinIcon.ARROW_RIGHT.create(), event -> {
            opening = true;
            close();
            UI.getCurrent().navigate(ApiView.class, result.api().id());
            if (target != null) {
                UI.getCurrent().getPage().reload(); // the API page shows the replaced routes, and its new ETag
            }
        });
        open.setId("openapi-import-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(open);
    }

    private void showRefused(ApiProblem problem) {
        Paragraph message = new Paragraph(problem.status() == 412
                ? "Someone changed this API since you opened it. Reload the page to see their change, then import again."
                // the violations are listed below: the detail (which repeats them) would say everything twice
                : problem.violations().isEmpty() ? problem.getMessage() : problem.title() + ": the document was not imported.");
        message.addClassName("import-refused");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        outcome.add(message);
        if (!problem.violations().isEmpty()) {
            outcome.add(findings(problem.violations().stream().map(v -> new Finding(v.field(), v.message())).toList(),
                    "openapi-import-violations"));
        }
    }

    /** One row of the warnings or violations list: where in the document, and what. */
    private record Finding(String path, String message) {
    }

    private static Grid<Finding> findings(java.util.List<Finding> items, String id) {
        Grid<Finding> grid = new Grid<>();
        grid.addColumn(Finding::path).setHeader("Where in the document").setFlexGrow(2).setTooltipGenerator(Finding::path);
        grid.addColumn(Finding::message).setHeader("Why").setFlexGrow(3).setTooltipGenerator(Finding::message);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(items);
        grid.setAllRowsVisible(items.size() <= 8);
        grid.setHeight(items.size() <= 8 ? null : "18em");
        grid.setId(id);
        return grid;
    }
}
