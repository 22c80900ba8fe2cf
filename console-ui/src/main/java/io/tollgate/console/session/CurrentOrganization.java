package io.tollgate.console.session;

import com.vaadin.flow.server.VaadinSession;
import io.tollgate.console.client.Wire;
import java.util.Optional;

/**
 * The organization (tenant) the person is working in, kept in their Vaadin session: every view reads
 * it, the organization switcher changes it.
 */
public final class CurrentOrganization {

    private CurrentOrganization() {
    }

    public static Optional<Wire.Tenant> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return Optional.ofNullable(session == null ? null : session.getAttribute(Wire.Tenant.class));
    }

    public static Wire.Tenant require() {
        return get().orElseThrow(() -> new IllegalStateException("no organization chosen"));
    }

    public static void set(Wire.Tenant tenant) {
        VaadinSession.getCurrent().setAttribute(Wire.Tenant.class, tenant);
    }

    /** Base path of the tenant API for the current organization, e.g. /v1/tenants/{id}. */
    public static String path() {
        return "/v1/tenants/" + require().id();
    }

    /** Roles from least to most privileged, as the tenant API names them. */
    public static boolean canWrite() {
        return get().map(t -> !"viewer".equals(t.role())).orElse(false);
    }

    public static boolean canAdminister() {
        return get().map(t -> "admin".equals(t.role()) || "owner".equals(t.role())).orElse(false);
    }
}
