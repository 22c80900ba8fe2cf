package io.tollgate.console.ui.keys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Confirm;
import io.tollgate.console.ui.components.EmptyState;
import io.tollgate.console.ui.components.FieldErrors;
import io.tollgate.console.ui.components.Notifications;
import io.tollgate.console.ui.components.PageHeader;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Usage plans: throttling and quota per key, on the API stages they cover. */
@Route("usage-plans")
@PageTitle("Usage plans · Tollgate")
public class UsagePlansView extends VerticalLayout {

    private final TenantApiClient api;

    @Inject
    public UsagePlansView(TenantApiClient api) {
        this.api = api;
        refresh();
    }

    private void refresh() {
        removeAll();
        List<Wire.UsagePlan> plans = api.list(CurrentOrganization.path() + "/usage-plans", Wire.UsagePlan.class);
        List<Wire.Api> apis = api.list(CurrentOrganization.path() + "/apis", Wire.Api.class);
        Map<String, String> apiNames = apis.stream().collect(Collectors.toMap(Wire.Api::id, Wire.Api::name));
        Button create = new Button("Create usage plan", VaadinIcon.PLUS.create(), e -> editor(apis).open());
        create.setId("create-usage-plan");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setEnabled(CurrentOrganization.canWrite());
        add(new PageHeader("Usage plans", "How much each API key may call: throttling and a quota, on chosen API stages.", create));
        if (plans.isEmpty()) {
            add(new EmptyState("No usage plans yet", "A plan lets keys call API stages (for example Pets on prod) "
                    + "with a rate limit and a monthly quota. Create a plan, then give keys to it on the API keys page.", null));
            return;
        }
        Grid<Wire.UsagePlan> grid = new Grid<>();
        grid.addColumn(Wire.UsagePlan::name).setHeader("Name");
        grid.addColumn(p -> p.throttle() == null ? "—" : p.throttle().rateLimit() + " req/s, burst " + p.throttle().burstLimit())
                .setHeader("Throttle");
        grid.addColumn(p -> p.quota() == null ? "—" : p.quota().limit() + " per " + p.quota().period().toLowerCase())
                .setHeader("Quota");
        grid.addColumn(p -> p.stages() == null ? "" : p.stages().stream()
                .map(s -> apiNames.getOrDefault(s.apiId(), s.apiId()) + " · " + s.stage()).collect(Collectors.joining(", ")))
                .setHeader("API stages").setFlexGrow(2);
        grid.addComponentColumn(p -> {
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> Confirm.destructive("Delete plan " + p.name() + "?",
                    "Keys on this plan lose access to its API stages.", "Delete plan", () -> {
                        try {
                            api.delete(CurrentOrganization.path() + "/usage-plans/" + p.id());
                            Notifications.success("Usage plan deleted");
                            refresh();
                        } catch (ApiProblem problem) {
                            Notifications.error(problem.getMessage());
                        }
                    }));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel("Delete plan");
            delete.setEnabled(CurrentOrganization.canWrite());
            return delete;
        }).setAutoWidth(true);
        grid.setItems(plans);
        grid.setId("usage-plans-grid");
        add(grid);
    }

    /** One API stage per plan from this dialog; more by editing through the API. */
    private Dialog editor(List<Wire.Api> apis) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create usage plan");
        TextField name = new TextField("Name");
        name.setId("plan-name");
        NumberField rate = new NumberField("Requests per second");
        IntegerField burst = new IntegerField("Burst");
        IntegerField quota = new IntegerField("Quota (requests)");
        quota.setId("plan-quota");
        Select<String> period = new Select<>();
        period.setLabel("Per");
        period.setItems("DAY", "WEEK", "MONTH");
        period.setValue("MONTH");
        Select<Wire.Api> stageApi = new Select<>();
        stageApi.setLabel("API");
        stageApi.setItems(apis);
        stageApi.setItemLabelGenerator(Wire.Api::name);
        stageApi.setId("plan-api");
        if (!apis.isEmpty()) {
            stageApi.setValue(apis.getFirst());
        }
        TextField stage = new TextField("Stage");
        stage.setValue("prod");
        stage.setId("plan-stage");
        FormLayout form = new FormLayout(name, rate, burst, quota, period, stageApi, stage);
        form.setWidth("34em");
        dialog.add(form);
        FieldErrors errors = new FieldErrors().bind("name", name).bind("throttle.rateLimit", rate)
                .bind("throttle.burstLimit", burst).bind("quota.limit", quota).bind("quota.period", period)
                .bind("stages", stage);
        Button save = new Button("Create", e -> {
            List<Wire.PlanStage> stages = new ArrayList<>();
            if (stageApi.getValue() != null && !stage.getValue().isBlank()) {
                stages.add(new Wire.PlanStage(stageApi.getValue().id(), stage.getValue().trim(), null));
            }
            Wire.Throttle throttle = rate.getValue() == null && burst.getValue() == null ? null
                    : new Wire.Throttle(rate.getValue(), burst.getValue());
            Wire.Quota quotaSpec = quota.getValue() == null ? null : new Wire.Quota(quota.getValue().longValue(), period.getValue());
            try {
                api.post(CurrentOrganization.path() + "/usage-plans",
                        new Wire.UsagePlanSpec(name.getValue().trim(), null, throttle, quotaSpec, stages), Wire.UsagePlan.class);
                dialog.close();
                Notifications.success("Usage plan " + name.getValue() + " created");
                refresh();
            } catch (ApiProblem problem) {
                errors.show(problem);
            }
        });
        save.setId("plan-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    static Map<String, Wire.UsagePlan> byId(List<Wire.UsagePlan> plans) {
        return plans.stream().collect(Collectors.toMap(Wire.UsagePlan::id, Function.identity()));
    }
}
