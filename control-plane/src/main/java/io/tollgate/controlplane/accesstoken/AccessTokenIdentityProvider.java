package io.tollgate.controlplane.accesstoken;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.access.CallerResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Authenticates a tenant access token by the SHA-256 of its value. Unknown, revoked and expired tokens
 * fail the same way, so a caller learns nothing about which it was.
 */
@ApplicationScoped
public class AccessTokenIdentityProvider implements IdentityProvider<AccessTokenAuthenticationRequest> {

    @Inject
    AccessTokenRepository tokens;

    @Override
    public Class<AccessTokenAuthenticationRequest> getRequestType() {
        return AccessTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(AccessTokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String hash = AccessTokenSecrets.sha256(request.value());
        return Panache.withSession(() -> tokens.findBySecretHash(hash)).map(token -> {
            if (token == null || !token.usableAt(Instant.now())) {
                throw new AuthenticationFailedException("unknown, revoked or expired access token");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("access-token:" + token.id))
                    .addAttribute(CallerResolver.ACCESS_TOKEN_ATTRIBUTE,
                            new Caller.AccessToken(token.id, token.tenantId, token.role, token.name))
                    .build();
        });
    }
}
