package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.GatewayCaller;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Confirm;
import io.tollgate.console.ui.components.Notifications;
import io.tollgate.console.ui.components.PageHeader;
import jakarta.inject.Inject;

/** One API: its routes, stages and deployments, authorizers, CORS, gateway-response overrides and models, each on a tab;
 * export and replace as OpenAPI. */
@Route("api")
@PageTitle("API · Tollgate")
public class ApiView extends VerticalLayout implements HasUrlParameter<String> {

    private final TenantApiClient api;
    private final GatewayCaller gateway;

    @Inject
    public ApiView(TenantApiClient api, GatewayCaller gateway) {
        this.api = api;
        this.gateway = gateway;
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String apiId) {
        removeAll();
        String apiPath = CurrentOrganization.path() + "/apis/" + apiId;
        TenantApiClient.Tagged<Wire.Api> read = api.getTagged(apiPath, Wire.Api.class);
        Wire.Api current = read.body();
        Button delete = new Button("Delete API", VaadinIcon.TRASH.create(), e -> Confirm.destructive("Delete " + current.name() + "?",
                "Its routes, authorizers, deployments and stages are deleted and the gateway stops serving it. "
                        + "This cannot be undone.", "Delete API", () -> {
                    try {
                        api.delete(apiPath);
                        Notifications.success("API " + current.name() + " deleted");
                        UI.getCurrent().navigate(ApisView.class);
                    } catch (ApiProblem problem) {
                        Notifications.error(problem.getMessage());
                    }
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setEnabled(CurrentOrganization.canWrite());
        Button replace = new Button("Replace from OpenAPI", VaadinIcon.UPLOAD.create(),
                e -> ImportOpenApiDialog.overwriting(api, current, read.etag()).open());
        replace.setId("replace-openapi");
        replace.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        replace.setEnabled(CurrentOrganization.canWrite());
        add(new PageHeader(current.name(), current.kind() + " API · id " + current.id()
                + (current.description() == null ? "" : " · " + current.description()),
                OpenApiExport.link(api, apiPath, current, "json"), OpenApiExport.link(api, apiPath, current, "yaml"), replace, delete));
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add("Routes", lazy(() -> new RoutesPanel(api, gateway, apiPath, current)));
        tabs.add("Stages & deployments", lazy(() -> new StagesPanel(api, gateway, apiPath, current)));
        tabs.add("Authorizers", lazy(() -> new AuthorizersPanel(api, apiPath)));
        tabs.add("CORS", lazy(() -> new CorsPanel(api, apiPath, current)));
        tabs.add("Gateway responses", lazy(() -> new GatewayResponsesPanel(api, apiPath)));
        tabs.add("Models", lazy(() -> new ModelsPanel(api, apiPath)));
        tabs.setId("api-tabs");
        add(tabs);
    }

    /** A tab's content is read from the API when the tab is first shown. */
    private static Component lazy(java.util.function.Supplier<Component> content) {
        VerticalLayout holder = new VerticalLayout();
        holder.setPadding(false);
        holder.setSizeFull();
        holder.addAttachListener(event -> {
            if (holder.getComponentCount() == 0) {
                holder.add(content.get());
            }
        });
        return holder;
    }
}
