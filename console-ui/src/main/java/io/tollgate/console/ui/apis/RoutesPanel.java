package io.tollgate.console.ui.apis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.GatewayCaller;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Confirm;
import io.tollgate.console.ui.components.EmptyState;
import io.tollgate.console.ui.components.Notifications;
import java.util.List;

/** The routes of an API as a tree by path, with add, edit, delete and "try it". */
final class RoutesPanel extends VerticalLayout {

    private final TenantApiClient api;
    private final GatewayCaller gateway;
    private final String apiPath;
    private final Wire.Api current;

    RoutesPanel(TenantApiClient api, GatewayCaller gateway, String apiPath, Wire.Api current) {
        this.api = api;
        this.gateway = gateway;
        this.apiPath = apiPath;
        this.current = current;
        setPadding(false);
        setSizeFull();
        refresh();
    }

    /** The API's validation model names as they are now (the Models tab may have changed them since this page loaded). */
    private java.util.List<String> models() {
        Wire.Api now = api.get(apiPath, Wire.Api.class);
        return now.models() == null ? java.util.List.of() : now.models().keySet().stream().sorted().toList();
    }

    private void refresh() {
        removeAll();
        List<Wire.Route> routes = api.list(apiPath + "/routes", Wire.Route.class);
        List<Wire.Authorizer> authorizers = api.list(apiPath + "/authorizers", Wire.Authorizer.class);
        Button add = new Button("Add route", VaadinIcon.PLUS.create(),
                e -> new RouteEditor(api, apiPath, null, authorizers, models(), this::refresh).open());
        add.setId("add-route");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setEnabled(CurrentOrganization.canWrite());
        if (routes.isEmpty()) {
            add(new EmptyState("No routes yet", "A route matches a method and path, such as GET /pets/{id}, and "
                    + "sends the request to an integration: your HTTP backend, a mapping, a function or a mock.", add));
            return;
        }
        TreeGrid<RoutesTree.Node> tree = new TreeGrid<>();
        tree.addHierarchyColumn(RoutesTree.Node::label).setHeader("Path / method").setFlexGrow(2);
        tree.addColumn(node -> node.isRoute() ? describe(node.route().integration()) : "").setHeader("Integration").setFlexGrow(3);
        tree.addColumn(node -> node.isRoute() && node.route().authorization() != null
                ? node.route().authorization().type() : node.isRoute() ? "NONE" : "").setHeader("Authorization").setAutoWidth(true);
        tree.addComponentColumn(node -> node.isRoute() ? actions(node.route(), authorizers) : new Span())
                .setHeader("").setAutoWidth(true);
        List<RoutesTree.Node> roots = RoutesTree.of(routes);
        tree.setItems(roots, RoutesTree.Node::children);
        tree.expandRecursively(roots, 10);
        tree.setId("routes-tree");
        tree.setSizeFull();
        add(add, tree);
    }

    private HorizontalLayout actions(Wire.Route route, List<Wire.Authorizer> authorizers) {
        Button tryIt = new Button("Try it", VaadinIcon.PLAY.create(), e -> new TryItDialog(api, gateway, apiPath, current, route).open());
        tryIt.addThemeVariants(ButtonVariant.LUMO_SMALL);
        tryIt.addClassName("try-it");
        Button edit = new Button("Edit", e -> new RouteEditor(api, apiPath, route, authorizers, models(), this::refresh).open());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setEnabled(CurrentOrganization.canWrite());
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> Confirm.destructive("Delete " + route.method() + " " + route.path() + "?",
                "The gateway keeps serving it until the API is deployed again.", "Delete route", () -> {
                    try {
                        api.delete(apiPath + "/routes/" + route.id());
                        Notifications.success("Route deleted");
                        refresh();
                    } catch (ApiProblem problem) {
                        Notifications.error(problem.getMessage());
                    }
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete route");
        delete.setEnabled(CurrentOrganization.canWrite());
        return new HorizontalLayout(tryIt, edit, delete);
    }

    static String describe(Wire.Integration integration) {
        if (integration == null) {
            return "";
        }
        return switch (integration.type()) {
            case "MOCK" -> "Mock " + integration.statusCode();
            case "HTTP_PROXY" -> "HTTP proxy → " + integration.uri();
            case "HTTP" -> "HTTP → " + integration.uri();
            case "FUNCTION" -> "Function → " + integration.uri();
            default -> integration.type();
        };
    }
}
