package io.tollgate.console.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.router.BeforeEnterEvent;
import io.tollgate.console.client.ApiProblem;
import io.tollgate.console.client.TenantApiClient;
import io.tollgate.console.client.Wire;
import io.tollgate.console.session.CurrentOrganization;
import io.tollgate.console.ui.components.Notifications;
import io.tollgate.console.ui.org.OrganizationSetupView;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What happens when things go wrong outside a form: the sign-in ended (reload, which signs in again
 * through Keycloak), the tenant API refused or failed (a notification; nothing typed is lost), or a bug
 * (logged, and a notification rather than a stack trace). Also makes sure every page but the
 * organization setup has an organization to show, before any view is built.
 */
public class ConsoleServiceSetup {

    private static final Logger LOG = Logger.getLogger(ConsoleServiceSetup.class);

    @Inject
    TenantApiClient api;

    void setUp(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::requireOrganization));
        // An expired Vaadin session reloads the page at once: Quarkus OIDC then signs the person in
        // again (silently while their Keycloak session lasts) instead of showing a dead page.
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        event.getSource().setSystemMessagesProvider(info -> messages);
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ConsoleServiceSetup::handle));
    }

    /** The organization the person works in: the one chosen before, else their first; none → create one. */
    private void requireOrganization(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == OrganizationSetupView.class) {
            return;
        }
        List<Wire.Tenant> mine = api.list("/v1/tenants", Wire.Tenant.class);
        if (mine.isEmpty()) {
            event.forwardTo(OrganizationSetupView.class);
            return;
        }
        CurrentOrganization.set(CurrentOrganization.get()
                .flatMap(chosen -> mine.stream().filter(t -> t.id().equals(chosen.id())).findFirst())
                .orElse(mine.getFirst()));
    }

    private static void handle(ErrorEvent error) {
        Throwable cause = error.getThrowable();
        while (cause != null && !(cause instanceof ApiProblem) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        UI ui = UI.getCurrent();
        if (ui == null || VaadinSession.getCurrent() == null) {
            LOG.error("console error outside a UI", error.getThrowable());
            return;
        }
        if (cause instanceof ApiProblem problem && problem.isUnauthenticated()) {
            ui.getPage().reload();
        } else if (cause instanceof ApiProblem problem) {
            Notifications.error(problem.getMessage());
        } else {
            LOG.error("unexpected console error", error.getThrowable());
            Notifications.error("Something went wrong on our side; what you typed is still here. Try again.");
        }
    }
}
