package io.tollgate.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import io.quarkus.security.identity.SecurityIdentity;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.apis.ApisView;
import io.tollgate.console.ui.billing.BillingView;
import io.tollgate.console.ui.dashboards.DashboardsView;
import io.tollgate.console.ui.domains.DomainsView;
import io.tollgate.console.ui.keys.ApiKeysView;
import io.tollgate.console.ui.keys.UsagePlansView;
import io.tollgate.console.ui.org.AccessTokensView;
import io.tollgate.console.ui.org.AuditLogView;
import io.tollgate.console.ui.org.MembersView;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The frame of every signed-in page: the side navigation, the organization switcher and the person's menu. */
@Layout
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final TenantApiClient api;
    private final Select<Wire.Tenant> organizations = new Select<>();
    private final SecurityIdentity identity;

    @Inject
    public MainLayout(TenantApiClient api, SecurityIdentity identity) {
        this.api = api;
        this.identity = identity;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation());
        addToNavbar(new DrawerToggle(), header());
    }

    private static Component brand() {
        Span brand = new Span("Tollgate");
        brand.addClassName("brand");
        brand.getStyle().set("display", "block").set("padding", "0.75rem 1rem").set("font-size", "1.25rem")
                .set("font-weight", "600");
        return brand;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Dashboards", DashboardsView.class, VaadinIcon.CHART.create()));
        nav.addItem(new SideNavItem("APIs", ApisView.class, VaadinIcon.CONNECT.create()));
        nav.addItem(new SideNavItem("API keys", ApiKeysView.class, VaadinIcon.KEY.create()));
        nav.addItem(new SideNavItem("Usage plans", UsagePlansView.class, VaadinIcon.DASHBOARD.create()));
        nav.addItem(new SideNavItem("Custom domains", DomainsView.class, VaadinIcon.GLOBE.create()));
        nav.addItem(new SideNavItem("Billing", BillingView.class, VaadinIcon.INVOICE.create()));
        nav.addItem(new SideNavItem("Members", MembersView.class, VaadinIcon.USERS.create()));
        nav.addItem(new SideNavItem("Access tokens", AccessTokensView.class, VaadinIcon.PASSWORD.create()));
        nav.addItem(new SideNavItem("Audit log", AuditLogView.class, VaadinIcon.LIST.create()));
        nav.setId("main-nav");
        return nav;
    }

    private Component header() {
        organizations.setId("organization-switcher");
        organizations.setItemLabelGenerator(Wire.Tenant::name);
        organizations.setAriaLabel("Organization");
        organizations.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                CurrentOrganization.set(event.getValue());
                UI.getCurrent().navigate(ApisView.class);
                UI.getCurrent().getPage().reload(); // every view re-reads the other organization's data
            }
        });
        Anchor newOrganization = new Anchor("organizations/new", "New organization");
        // the principal of a code-flow sign-in is the ID token
        String who = identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("email") != null
                ? token.getClaim("email") : identity.getPrincipal().getName();
        Span person = new Span(VaadinIcon.USER.create(), new Span(who == null ? "" : who));
        person.setId("signed-in-person");
        // Quarkus OIDC ends the local session and Keycloak's at this path (quarkus.oidc.logout.path)
        Anchor signOut = new Anchor("/logout", "Sign out");
        signOut.setId("sign-out");
        signOut.setRouterIgnore(true);
        HorizontalLayout header = new HorizontalLayout(organizations, newOrganization, new Span(), person, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(2));
        header.setWidthFull();
        header.addClassName("console-header");
        return header;
    }

    /** ConsoleServiceSetup chose the organization before this page was built; the switcher shows it. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentOrganization.get().ifPresent(current -> {
            List<Wire.Tenant> mine = api.list("/v1/tenants", Wire.Tenant.class);
            organizations.setItems(mine);
            mine.stream().filter(t -> t.id().equals(current.id())).findFirst().ifPresent(organizations::setValue);
        });
    }
}
