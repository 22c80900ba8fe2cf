package io.tollgate.controlplane.accesstoken;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tollgate.controlplane.access.Caller;
import io.tollgate.controlplane.access.Role;
import io.tollgate.controlplane.problem.ProblemException;
import io.tollgate.controlplane.problem.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Caller PERSON = new Caller.Person("sub", "a@example.test", true, "a");

    @Test
    void an_admin_issues_a_developer_token_for_thirty_days() {
        assertDoesNotThrow(() -> AccessTokenRules.checkIssue(PERSON, Role.ADMIN, Role.DEVELOPER, NOW.plus(Duration.ofDays(30)), NOW));
    }

    @Test
    void tokens_cannot_be_owners() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> AccessTokenRules.checkIssue(PERSON, Role.OWNER, Role.OWNER, NOW.plusSeconds(60), NOW));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals("role", e.violations().getFirst().field());
    }

    @Test
    void a_token_cannot_exceed_its_issuers_role() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> AccessTokenRules.checkIssue(PERSON, Role.DEVELOPER, Role.ADMIN, NOW.plusSeconds(60), NOW));
        assertEquals(ProblemType.FORBIDDEN, e.type());
    }

    @Test
    void access_tokens_cannot_mint_access_tokens() {
        Caller token = new Caller.AccessToken(UUID.randomUUID(), UUID.randomUUID(), Role.ADMIN, "ci");
        ProblemException e = assertThrows(ProblemException.class,
                () -> AccessTokenRules.checkIssue(token, Role.ADMIN, Role.VIEWER, NOW.plusSeconds(60), NOW));
        assertEquals(ProblemType.FORBIDDEN, e.type());
    }

    @Test
    void expiry_must_be_in_the_future_and_within_the_maximum_lifetime() {
        ProblemException past = assertThrows(ProblemException.class,
                () -> AccessTokenRules.checkIssue(PERSON, Role.ADMIN, Role.VIEWER, NOW, NOW));
        assertEquals("expiresAt", past.violations().getFirst().field());
        ProblemException tooLong = assertThrows(ProblemException.class, () -> AccessTokenRules.checkIssue(PERSON, Role.ADMIN,
                Role.VIEWER, NOW.plus(AccessTokenRules.MAX_LIFETIME).plusSeconds(1), NOW));
        assertEquals("expiresAt", tooLong.violations().getFirst().field());
    }
}
