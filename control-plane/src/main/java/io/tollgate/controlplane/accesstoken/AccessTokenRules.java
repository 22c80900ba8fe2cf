package io.tollgate.controlplane.accesstoken;

import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.access.Role;
import io.tollgate.controlplane.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;

/** When an access token may be issued: plain rules, no database. */
public final class AccessTokenRules {

    /** Tokens must expire: a forgotten CI secret stops working within a year at most. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);

    private AccessTokenRules() {
    }

    public static void checkIssue(Caller issuer, Role issuerRole, Role requested, Instant expiresAt, Instant now) {
        if (issuer instanceof Caller.AccessToken) {
            // A leaked token must not be able to mint successors that outlive its revocation.
            throw ProblemException.forbidden("Access tokens are created by people, not by other access tokens.");
        }
        if (requested == Role.OWNER) {
            throw ProblemException.invalid("role", "must be admin, developer or viewer: tokens cannot be owners");
        }
        if (!issuerRole.atLeast(requested)) {
            throw ProblemException.forbidden("You cannot create a token with a role above your own.");
        }
        if (!expiresAt.isAfter(now)) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw ProblemException.invalid("expiresAt", "must be at most " + MAX_LIFETIME.toDays() + " days from now");
        }
    }
}
