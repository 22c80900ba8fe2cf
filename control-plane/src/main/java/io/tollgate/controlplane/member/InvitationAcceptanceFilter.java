package io.tollgate.controlplane.member;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.access.CallerResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Accepts a person's pending invitations on their first authenticated request after being invited, so
 * that the tenant they were invited to is already theirs when that request is authorized (it runs
 * before {@code TenantAccessFilter}).
 */
public class InvitationAcceptanceFilter {

    private static final Logger LOG = Logger.getLogger(InvitationAcceptanceFilter.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    CallerResolver callers;

    @Inject
    InvitationService invitations;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION - 100)
    public Uni<Void> acceptPendingInvitations() {
        if (identity.isAnonymous() || !(callers.current() instanceof Caller.Person person)) {
            return Uni.createFrom().voidItem();
        }
        return invitations.acceptPending(person)
                // Two parallel first requests may race to accept; the loser's request goes on, the winner joined.
                .onFailure().invoke(e -> LOG.debugf(e, "accepting invitations of %s failed", person.subject()))
                .onFailure().recoverWithItem(0)
                .replaceWithVoid();
    }
}
