package io.tollgate.controlplane.member;

import io.tollgate.controlplane.access.Role;
import java.util.Optional;

/**
 * Who may grant, change and take away which role. Plain rules over roles and counts, no database:
 * <ul>
 *   <li>nobody grants a role above their own (an admin cannot make owners);</li>
 *   <li>only owners change or remove owners;</li>
 *   <li>a tenant never loses its last owner, or nobody could administer it any more.</li>
 * </ul>
 * The permission to manage members at all is checked before, by {@code Permission.MEMBERS_WRITE}.
 */
public final class MembershipRules {

    /** Why a membership change is refused. */
    public enum Refusal {
        ROLE_ABOVE_OWN("You cannot grant a role above your own."),
        OWNER_PROTECTED("Only an owner can change or remove an owner."),
        LAST_OWNER("A tenant must keep at least one owner: make someone else owner first.");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private MembershipRules() {
    }

    public static Optional<Refusal> grant(Role actor, Role granted) {
        return actor.atLeast(granted) ? Optional.empty() : Optional.of(Refusal.ROLE_ABOVE_OWN);
    }

    public static Optional<Refusal> changeRole(Role actor, Role current, Role next, long owners) {
        if (current == Role.OWNER && actor != Role.OWNER) {
            return Optional.of(Refusal.OWNER_PROTECTED);
        }
        Optional<Refusal> grant = grant(actor, next);
        if (grant.isPresent()) {
            return grant;
        }
        if (current == Role.OWNER && next != Role.OWNER && owners <= 1) {
            return Optional.of(Refusal.LAST_OWNER);
        }
        return Optional.empty();
    }

    public static Optional<Refusal> remove(Role actor, Role target, long owners) {
        if (target == Role.OWNER && actor != Role.OWNER) {
            return Optional.of(Refusal.OWNER_PROTECTED);
        }
        if (target == Role.OWNER && owners <= 1) {
            return Optional.of(Refusal.LAST_OWNER);
        }
        return Optional.empty();
    }
}
