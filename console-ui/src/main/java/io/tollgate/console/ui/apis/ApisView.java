package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.EmptyState;
import io.tollgate.console.ui.components.PageHeader;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/** The organization's APIs: search, open one, create one or import one from OpenAPI. */
@Route("apis")
@RouteAlias("")
@PageTitle("APIs · Tollgate")
public class ApisView extends VerticalLayout {

    private final TenantApiClient api;
    private final Grid<Wire.Api> grid = new Grid<>();
    private final TextField search = new TextField();
    private List<Wire.Api> all = List.of();

    @Inject
    public ApisView(TenantApiClient api) {
        this.api = api;
        setSizeFull();
        Button create = new Button("Create API", VaadinIcon.PLUS.create(), event -> new CreateApiDialog(api).open());
        create.setId("create-api");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setEnabled(CurrentOrganization.canWrite());
        Button importOpenApi = new Button("Import OpenAPI", VaadinIcon.UPLOAD.create(),
                event -> ImportOpenApiDialog.asNewApi(api).open());
        importOpenApi.setId("import-openapi");
        importOpenApi.setEnabled(CurrentOrganization.canWrite());

        search.setPlaceholder("Search by name, kind or description");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("24em");
        search.setId("api-search");
        search.addValueChangeListener(event -> filter());

        grid.addColumn(Wire.Api::name).setHeader("Name").setSortable(true).setFlexGrow(2);
        grid.addColumn(Wire.Api::kind).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(a -> a.description() == null ? "" : a.description()).setHeader("Description").setFlexGrow(3);
        grid.addColumn(Wire.Api::id).setHeader("API id").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(event -> UI.getCurrent().navigate(ApiView.class, event.getItem().id()));
        grid.setId("apis-grid");

        add(new PageHeader("APIs", "REST, HTTP and WebSocket APIs served by the gateway.", importOpenApi, create));
        all = api.list(CurrentOrganization.path() + "/apis", Wire.Api.class);
        if (all.isEmpty()) {
            Button first = new Button("Create your first API", event -> new CreateApiDialog(api).open());
            first.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            first.setEnabled(CurrentOrganization.canWrite());
            add(new EmptyState("No APIs yet",
                    "An API groups routes (method + path) that the gateway serves and forwards to your backends. "
                            + "Create one, add a route, then deploy it to a stage such as prod; or import an OpenAPI "
                            + "document you already have.", first));
        } else {
            add(search, grid);
            grid.setItems(all);
        }
    }

    private void filter() {
        String term = search.getValue().trim().toLowerCase(Locale.ROOT);
        grid.setItems(all.stream().filter(a -> term.isEmpty()
                || contains(a.name(), term) || contains(a.kind(), term) || contains(a.description(), term)).toList());
    }

    private static boolean contains(String text, String term) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(term);
    }
}
