package io.tollgate.controlplane.identity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @Schema(description = "The signed-in person or machine client")
    public record Me(@Schema(description = "Keycloak subject (sub)") String subject,
                     @Schema(description = "User name (preferred_username)") String username,
                     @Schema(description = "E-mail address") String email,
                     @Schema(description = "Full name") String name) {
    }

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who am I", description = "The caller as the platform sees them, from the bearer token.")
    public Me me() {
        return new Me(token.getSubject(), token.getClaim("preferred_username"), token.getClaim("email"),
                token.getClaim("name"));
    }
}
