package io.tollgate.controlplane.apikey;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.controlplane.problem.Problem;
import io.tollgate.controlplane.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyRulesTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final UUID PLAN = UUID.fromString("0190f3a0-0000-7000-8000-000000000020");

    private static List<String> fields(ProblemException problem) {
        return problem.violations().stream().map(Problem.Violation::field).toList();
    }

    @Test
    void a_new_key_is_enabled_by_default_and_lists_each_plan_once() {
        ApiKeyRules.Settings settings = ApiKeyRules.checkCreate(new ApiKeyRequests.CreateApiKey(" partner ", null, null,
                List.of(PLAN.toString(), PLAN.toString()), null), Set.of(PLAN), NOW);
        assertEquals("partner", settings.name());
        assertTrue(settings.enabled());
        assertEquals(List.of(PLAN.toString()), settings.usagePlanIds());
    }

    @Test
    void every_invalid_field_of_a_new_key_is_reported_at_once() {
        ProblemException problem = assertThrows(ProblemException.class, () -> ApiKeyRules.checkCreate(
                new ApiKeyRequests.CreateApiKey(" ", true, NOW.minusSeconds(1),
                        List.of(UUID.randomUUID().toString(), "nope"), "too-short"), Set.of(PLAN), NOW));
        assertThat(fields(problem), containsInAnyOrder("name", "expiresAt", "usagePlanIds[0]", "usagePlanIds[1]", "value"));
    }

    @Test
    void an_imported_value_must_be_printable_ascii_without_spaces() {
        ProblemException problem = assertThrows(ProblemException.class, () -> ApiKeyRules.checkCreate(
                new ApiKeyRequests.CreateApiKey("k", null, null, null, "has a space in the middle"), Set.of(), NOW));
        assertThat(fields(problem), containsInAnyOrder("value"));
        ApiKeyRules.checkCreate(new ApiKeyRequests.CreateApiKey("k", null, null, null, "abcdefghij0123456789"), Set.of(), NOW);
    }

    @Test
    void an_expiry_must_be_in_the_future_only_when_it_changes() {
        Instant passed = NOW.minusSeconds(60);
        ApiKeyRules.check(new ApiKeyRules.Settings("k", false, passed, List.of()), passed, Set.of(), NOW);
        ProblemException problem = assertThrows(ProblemException.class, () -> ApiKeyRules.check(
                new ApiKeyRules.Settings("k", true, NOW, List.of()), passed, Set.of(), NOW));
        assertThat(fields(problem), containsInAnyOrder("expiresAt"));
    }

    @Test
    void generated_values_carry_256_random_bits_behind_a_recognizable_prefix() {
        ApiKeySecrets.Secret one = ApiKeySecrets.generate();
        ApiKeySecrets.Secret two = ApiKeySecrets.generate();
        assertTrue(one.value().startsWith("tgk_"));
        assertEquals(4 + 43, one.value().length(), "32 bytes are 43 base64url characters");
        assertEquals(one.value().substring(0, 12), one.visiblePrefix());
        assertTrue(one.sha256().matches("[0-9a-f]{64}"));
        assertTrue(!one.value().equals(two.value()) && !one.sha256().equals(two.sha256()));
    }

    @Test
    void an_imported_value_shows_only_four_characters_and_hashes_like_the_gateway() {
        ApiKeySecrets.Secret secret = ApiKeySecrets.imported("legacy-key-0123456789");
        assertEquals("lega", secret.visiblePrefix());
        assertEquals(ApiKeySecrets.sha256("legacy-key-0123456789"), secret.sha256());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeySecrets.sha256("abc"));
    }
}
