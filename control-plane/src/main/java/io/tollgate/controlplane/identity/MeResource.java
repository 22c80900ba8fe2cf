package io.tollgate.controlplane.identity;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who the caller is, as the platform sees them: the first call the console makes after sign-in. */
@Path("/v1/me")
@Authenticated
public class MeResource {

    /** The signed-in person (or machine client) behind a bearer token. */
    public record Me(String subject, String username, String email, String name) {
    }

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        return new Me(token.getSubject(), token.getClaim("preferred_username"), token.getClaim("email"),
                token.getClaim("name"));
    }
}
