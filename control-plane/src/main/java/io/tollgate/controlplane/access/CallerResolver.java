package io.tollgate.controlplane.access;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the authenticated security identity of this request into a {@link Caller}. */
@RequestScoped
public class CallerResolver {

    /** Security identity attribute that holds the {@link Caller.AccessToken} of a tenant access token. */
    public static final String ACCESS_TOKEN_ATTRIBUTE = "tollgate.access-token";

    @Inject
    SecurityIdentity identity;

    public Caller current() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        Caller.AccessToken token = identity.getAttribute(ACCESS_TOKEN_ATTRIBUTE);
        if (token != null) {
            return token;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object verified = jwt.getClaim("email_verified");
            return new Caller.Person(jwt.getSubject(), jwt.getClaim("email"),
                    Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified)),
                    jwt.getClaim("preferred_username"));
        }
        throw new UnauthorizedException();
    }
}
