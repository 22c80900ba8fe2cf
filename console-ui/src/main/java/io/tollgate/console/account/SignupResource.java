package io.tollgate.console.account;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * "Create account": reached through the OIDC tenant {@code signup} (prompt=create), so Keycloak shows
 * its registration page first. Once registered the person is signed in to Keycloak; the console's own
 * sign-in then completes without asking again, and the console sends a new person to create an organization.
 */
@Path("/signup")
public class SignupResource {

    @GET
    public Response registered() {
        return Response.seeOther(URI.create("/")).build();
    }
}
