package io.tollgate.controlplane.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void viewer_can_read_but_not_write_anything() {
        assertTrue(Role.VIEWER.allows(Permission.TENANT_READ));
        assertTrue(Role.VIEWER.allows(Permission.MEMBERS_READ));
        assertTrue(Role.VIEWER.allows(Permission.AUDIT_READ));
        for (Permission write : new Permission[] {Permission.TENANT_WRITE, Permission.MEMBERS_WRITE,
                Permission.ACCESS_TOKENS_WRITE, Permission.APIS_WRITE}) {
            assertFalse(Role.VIEWER.allows(write), write.name());
        }
    }

    @Test
    void developer_manages_apis_but_not_members_or_tokens() {
        assertTrue(Role.DEVELOPER.allows(Permission.APIS_WRITE));
        assertFalse(Role.DEVELOPER.allows(Permission.MEMBERS_WRITE));
        assertFalse(Role.DEVELOPER.allows(Permission.ACCESS_TOKENS_READ));
        assertFalse(Role.DEVELOPER.allows(Permission.TENANT_WRITE));
    }

    @Test
    void admin_and_owner_hold_every_permission() {
        for (Permission permission : Permission.values()) {
            assertTrue(Role.ADMIN.allows(permission), permission.name());
            assertTrue(Role.OWNER.allows(permission), permission.name());
        }
    }

    @Test
    void roles_are_ordered_from_viewer_to_owner() {
        assertTrue(Role.OWNER.atLeast(Role.ADMIN));
        assertTrue(Role.ADMIN.atLeast(Role.DEVELOPER));
        assertTrue(Role.DEVELOPER.atLeast(Role.VIEWER));
        assertFalse(Role.ADMIN.atLeast(Role.OWNER));
    }

    @Test
    void reads_wire_names_in_any_case_and_names_the_choices_on_an_unknown_one() {
        assertEquals(Role.ADMIN, Role.fromWire("Admin"));
        assertEquals("developer", Role.DEVELOPER.wireName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Role.fromWire("superuser"));
        assertEquals("must be one of viewer, developer, admin, owner", e.getMessage());
    }
}
