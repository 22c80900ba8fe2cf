package io.tollgate.controlplane.member;

import static io.tollgate.controlplane.member.MembershipRules.Refusal.LAST_OWNER;
import static io.tollgate.controlplane.member.MembershipRules.Refusal.OWNER_PROTECTED;
import static io.tollgate.controlplane.member.MembershipRules.Refusal.ROLE_ABOVE_OWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.controlplane.access.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MembershipRulesTest {

    @Test
    void nobody_grants_a_role_above_their_own() {
        assertEquals(Optional.of(ROLE_ABOVE_OWN), MembershipRules.grant(Role.ADMIN, Role.OWNER));
        assertTrue(MembershipRules.grant(Role.ADMIN, Role.ADMIN).isEmpty());
        assertTrue(MembershipRules.grant(Role.OWNER, Role.OWNER).isEmpty());
    }

    @Test
    void admin_cannot_demote_an_owner() {
        assertEquals(Optional.of(OWNER_PROTECTED), MembershipRules.changeRole(Role.ADMIN, Role.OWNER, Role.VIEWER, 3));
    }

    @Test
    void admin_cannot_promote_to_owner() {
        assertEquals(Optional.of(ROLE_ABOVE_OWN), MembershipRules.changeRole(Role.ADMIN, Role.VIEWER, Role.OWNER, 1));
    }

    @Test
    void admin_changes_roles_up_to_admin() {
        assertTrue(MembershipRules.changeRole(Role.ADMIN, Role.VIEWER, Role.ADMIN, 1).isEmpty());
        assertTrue(MembershipRules.changeRole(Role.ADMIN, Role.ADMIN, Role.DEVELOPER, 1).isEmpty());
    }

    @Test
    void the_last_owner_cannot_be_demoted_even_by_themselves() {
        assertEquals(Optional.of(LAST_OWNER), MembershipRules.changeRole(Role.OWNER, Role.OWNER, Role.ADMIN, 1));
    }

    @Test
    void an_owner_can_be_demoted_while_another_owner_remains() {
        assertTrue(MembershipRules.changeRole(Role.OWNER, Role.OWNER, Role.ADMIN, 2).isEmpty());
    }

    @Test
    void the_last_owner_cannot_be_removed() {
        assertEquals(Optional.of(LAST_OWNER), MembershipRules.remove(Role.OWNER, Role.OWNER, 1));
        assertTrue(MembershipRules.remove(Role.OWNER, Role.OWNER, 2).isEmpty());
    }

    @Test
    void admin_cannot_remove_an_owner_but_can_remove_an_admin() {
        assertEquals(Optional.of(OWNER_PROTECTED), MembershipRules.remove(Role.ADMIN, Role.OWNER, 5));
        assertTrue(MembershipRules.remove(Role.ADMIN, Role.ADMIN, 1).isEmpty());
    }
}
