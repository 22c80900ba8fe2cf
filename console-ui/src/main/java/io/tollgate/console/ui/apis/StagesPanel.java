package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.GatewayCaller;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Confirm;
import io.tollgate.console.ui.components.CopyButton;
import io.tollgate.console.ui.components.EmptyState;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Notifications;
import io.tollgate.console.ui.components.RoundTripProgress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Deploy the API to a stage, the stages with their invoke URLs and settings, and the deployment history with roll back. */
final class StagesPanel extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TenantApiClient api;
    private final GatewayCaller gateway;
    private final String apiPath;
    private final Wire.Api current;

    StagesPanel(TenantApiClient api, GatewayCaller gateway, String apiPath, Wire.Api current) {
        this.api = api;
        this.gateway = gateway;
        this.apiPath = apiPath;
        this.current = current;
        setPadding(false);
        refresh();
    }

    private void refresh() {
        removeAll();
        List<Wire.Stage> stages = api.list(apiPath + "/stages", Wire.Stage.class);
        List<Wire.Deployment> deployments = api.list(apiPath + "/deployments", Wire.Deployment.class).stream()
                .sorted(Comparator.comparingInt(Wire.Deployment::number).reversed()).toList();
        Map<String, Wire.Deployment> byId = deployments.stream().collect(Collectors.toMap(Wire.Deployment::id, Function.identity()));
        Button deploy = new Button("Deploy", VaadinIcon.UPLOAD.create(), e -> deployDialog(stages).open());
        deploy.setId("deploy");
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deploy.setEnabled(CurrentOrganization.canWrite());
        if (deployments.isEmpty()) {
            add(new EmptyState("Not deployed yet", "A deployment is a snapshot of the API's routes; a stage such as "
                    + "prod serves one at its invoke URL. Deploy to make the gateway serve this API.", deploy));
            return;
        }
        add(deploy, new H3("Stages"));
        Grid<Wire.Stage> stageGrid = new Grid<>();
        stageGrid.addColumn(Wire.Stage::name).setHeader("Stage").setAutoWidth(true);
        stageGrid.addColumn(s -> byId.containsKey(s.deploymentId()) ? "#" + byId.get(s.deploymentId()).number() : "—")
                .setHeader("Deployment").setAutoWidth(true);
        stageGrid.addComponentColumn(s -> {
            String url = gateway.invokeUrl(current.id(), s.name());
            // a long URL is cut with an ellipsis (whole in its tooltip) so that the copy button stays in view
            Span text = new Span(url);
            text.addClassName("invoke-url");
            text.getElement().setAttribute("title", url);
            text.getStyle().set("overflow", "hidden").set("text-overflow", "ellipsis").set("white-space", "nowrap")
                    .set("min-width", "0");
            Button copy = CopyButton.of(url);
            copy.getStyle().set("flex-shrink", "0");
            HorizontalLayout cell = new HorizontalLayout(text, copy);
            cell.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            cell.setWidthFull();
            return cell;
        }).setHeader("Invoke URL").setFlexGrow(3);
        stageGrid.addColumn(s -> s.canary() != null && s.canary().percent() != null
                ? "canary " + s.canary().percent() + "%" : "").setHeader("Canary").setAutoWidth(true);
        stageGrid.addComponentColumn(s -> {
            Button settings = new Button("Settings", e -> new StageSettingsDialog(api, apiPath, s, deployments, this::refresh).open());
            settings.addThemeVariants(ButtonVariant.LUMO_SMALL);
            settings.setEnabled(CurrentOrganization.canWrite());
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> Confirm.destructive("Delete stage " + s.name() + "?",
                    "The gateway stops serving it at once: callers of its invoke URL get 404.", "Delete stage", () -> {
                        try {
                            api.delete(apiPath + "/stages/" + s.name());
                            Notifications.success("Stage " + s.name() + " deleted");
                            refresh();
                        } catch (ApiProblem problem) {
                            Notifications.error(problem.getMessage());
                        }
                    }));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel("Delete stage");
            delete.setEnabled(CurrentOrganization.canWrite());
            return new HorizontalLayout(settings, flushCache(s), delete);
        }).setAutoWidth(true);
        stageGrid.setItems(stages);
        stageGrid.setAllRowsVisible(true);
        stageGrid.setId("stages-grid");
        add(stageGrid, new H3("Deployment history"));

        Grid<Wire.Deployment> history = new Grid<>();
        history.addColumn(d -> "#" + d.number()).setHeader("#").setAutoWidth(true);
        history.addColumn(d -> d.description() == null ? "" : d.description()).setHeader("Description").setFlexGrow(3);
        history.addColumn(d -> WHEN.format(d.createdAt())).setHeader("When").setAutoWidth(true);
        history.addColumn(d -> stages.stream().filter(s -> d.id().equals(s.deploymentId())).map(Wire.Stage::name)
                .collect(Collectors.joining(", "))).setHeader("Served by").setAutoWidth(true);
        history.addComponentColumn(d -> {
            HorizontalLayout actions = new HorizontalLayout();
            for (Wire.Stage stage : stages) {
                if (!d.id().equals(stage.deploymentId())) {
                    Button back = new Button("Serve on " + stage.name(), e -> Confirm.destructive(
                            "Switch " + stage.name() + " to deployment #" + d.number() + "?",
                            "The gateway serves deployment #" + d.number() + " on " + stage.name() + " within seconds.",
                            "Switch", () -> rollBack(stage, d)));
                    back.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    back.setEnabled(CurrentOrganization.canWrite());
                    actions.add(back);
                }
            }
            return actions;
        }).setHeader("Roll back / forward").setAutoWidth(true);
        history.setItems(deployments);
        history.setAllRowsVisible(true);
        history.setId("deployments-grid");
        add(history);
    }

    /** Asks, then makes every gateway node stop answering from what the stage cached so far. */
    private Button flushCache(Wire.Stage stage) {
        boolean caching = stage.cache() != null && Boolean.TRUE.equals(stage.cache().enabled());
        Button flush = new Button("Flush cache", VaadinIcon.ERASER.create(), e -> Confirm.destructive(
                "Flush the cache of " + stage.name() + "?", "Every gateway node stops answering from the responses "
                        + "cached so far within seconds; the next calls go to the integrations until the cache fills again.",
                "Flush cache", () -> {
                    try {
                        api.post(apiPath + "/stages/" + stage.name() + "/cache/flush", null, com.fasterxml.jackson.databind.JsonNode.class);
                        Notifications.success("Cache of " + stage.name() + " flushed");
                    } catch (ApiProblem problem) {
                        Notifications.error(problem.getMessage());
                    }
                }));
        flush.addClassName("flush-cache");
        flush.addThemeVariants(ButtonVariant.LUMO_SMALL);
        flush.setEnabled(CurrentOrganization.canWrite() && caching);
        flush.setTooltipText(caching ? "Drop the responses cached for this stage" : "Caching is off on this stage (Settings)");
        return flush;
    }

    private void rollBack(Wire.Stage stage, Wire.Deployment to) {
        Wire.StageSpec spec = stage.spec();
        try {
            api.put(apiPath + "/stages/" + stage.name(), new Wire.StageSpec(to.id(), spec.variables(), spec.throttle(),
                    spec.routeThrottles(), spec.cache(), spec.accessLogging(), spec.canary()), Wire.Stage.class);
            Notifications.success(stage.name() + " now serves deployment #" + to.number());
            refresh();
        } catch (ApiProblem problem) {
            Notifications.error(problem.getMessage());
        }
    }

    private Dialog deployDialog(List<Wire.Stage> stages) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Deploy " + current.name());
        ComboBox<String> stage = new ComboBox<>("Stage");
        stage.setItems(stages.isEmpty() ? List.of("prod", "dev") : stages.stream().map(Wire.Stage::name).toList());
        stage.setAllowCustomValue(true);
        stage.addCustomValueSetListener(e -> stage.setValue(e.getDetail()));
        stage.setValue(stages.isEmpty() ? "prod" : stages.getFirst().name());
        stage.setHelperText("A new name creates the stage.");
        stage.setId("deploy-stage");
        TextArea description = new TextArea("Description");
        description.setPlaceholder("What changed");
        description.setMaxLength(1024);
        description.setWidthFull();
        description.setId("deploy-description");
        RoundTripProgress progress = new RoundTripProgress("deploy-progress");
        dialog.add(new VerticalLayout(stage, description, progress));
        FieldErrors errors = new FieldErrors().bind("description", description).bind("stageName", stage);
        Button deploy = new Button("Deploy", e -> {
            try {
                Wire.Deployment done = api.post(apiPath + "/deployments",
                        new Wire.NewDeployment(description.getValue().isBlank() ? null : description.getValue(), stage.getValue()),
                        Wire.Deployment.class);
                dialog.close();
                Notifications.success("Deployment #" + done.number() + " is live on " + stage.getValue());
                refresh();
            } catch (ApiProblem problem) {
                errors.show(problem);
            } finally {
                progress.done();
            }
        });
        progress.shownBy(deploy);
        deploy.setId("deploy-submit");
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deploy.setDisableOnClick(true);
        deploy.addClickListener(e -> deploy.setEnabled(true));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), deploy);
        return dialog;
    }
}
