package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Lists;
import io.tollgate.console.ui.components.Notifications;
import java.util.List;

/** A stage's variables, throttling, caching, access logging and canary. */
final class StageSettingsDialog extends Dialog {

    StageSettingsDialog(TenantApiClient api, String apiPath, Wire.Stage stage, List<Wire.Deployment> deployments, Runnable saved) {
        setHeaderTitle("Stage " + stage.name());
        setWidth("44em");
        TextArea variables = new TextArea("Stage variables");
        variables.setHelperText("One name=value per line; use as ${stageVariables.name} in integrations.");
        variables.setValue(Lists.lines(stage.variables()));
        NumberField rate = new NumberField("Throttle: requests per second");
        IntegerField burst = new IntegerField("Throttle: burst");
        if (stage.throttle() != null) {
            rate.setValue(stage.throttle().rateLimit());
            burst.setValue(stage.throttle().burstLimit());
        }
        Checkbox cache = new Checkbox("Cache responses");
        IntegerField ttl = new IntegerField("Cache time to live (s)");
        ttl.setPlaceholder("300");
        if (stage.cache() != null) {
            cache.setValue(Boolean.TRUE.equals(stage.cache().enabled()));
            ttl.setValue(stage.cache().ttlSeconds());
        }
        Checkbox accessLogging = new Checkbox("Access logging", Boolean.TRUE.equals(stage.accessLogging()));
        NumberField canaryPercent = new NumberField("Canary: share of requests (%)");
        Select<Wire.Deployment> canaryDeployment = new Select<>();
        canaryDeployment.setLabel("Canary: deployment");
        canaryDeployment.setItems(deployments);
        canaryDeployment.setItemLabelGenerator(d -> "#" + d.number() + (d.description() == null ? "" : " — " + d.description()));
        canaryDeployment.setEmptySelectionAllowed(true);
        canaryDeployment.setEmptySelectionCaption("No canary");
        if (stage.canary() != null) {
            canaryPercent.setValue(stage.canary().percent());
            deployments.stream().filter(d -> d.id().equals(stage.canary().deploymentId())).findFirst()
                    .ifPresent(canaryDeployment::setValue);
        }
        FormLayout form = new FormLayout(variables, rate, burst, cache, ttl, accessLogging, canaryPercent, canaryDeployment);
        form.setColspan(variables, 2);
        add(form);
        FieldErrors errors = new FieldErrors().bind("variables", variables).bind("throttle.rateLimit", rate)
                .bind("throttle.burstLimit", burst).bind("cache.ttlSeconds", ttl).bind("canary.percent", canaryPercent)
                .bind("canary.deploymentId", canaryDeployment).bind("canary", canaryDeployment);
        Button save = new Button("Save", e -> {
            Wire.Throttle throttle = rate.getValue() == null && burst.getValue() == null ? null
                    : new Wire.Throttle(rate.getValue(), burst.getValue());
            Wire.Cache cacheSpec = !cache.getValue() && ttl.getValue() == null ? null
                    : new Wire.Cache(cache.getValue(), ttl.getValue(), stage.cache() == null ? null : stage.cache().keyParameters());
            Wire.Canary canary = canaryDeployment.getValue() == null ? null
                    : new Wire.Canary(canaryPercent.getValue(), canaryDeployment.getValue().id(),
                    stage.canary() == null ? null : stage.canary().variables());
            try {
                api.put(apiPath + "/stages/" + stage.name(), new Wire.StageSpec(stage.deploymentId(),
                        Lists.pairs(variables.getValue()), throttle, stage.routeThrottles(), cacheSpec, accessLogging.getValue(),
                        canary), Wire.Stage.class);
                close();
                Notifications.success("Stage " + stage.name() + " saved");
                saved.run();
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
