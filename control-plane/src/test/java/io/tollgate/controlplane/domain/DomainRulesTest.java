package io.tollgate.controlplane.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tollgate.controlplane.problem.Problem;
import io.tollgate.controlplane.problem.ProblemException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainRulesTest {

    @Test
    void hostnames_are_lower_cased_without_a_trailing_dot() {
        assertEquals("api.example.com", DomainRules.hostname(" API.Example.com. "));
        assertEquals("xn--bcher-kva.example", DomainRules.hostname("xn--bcher-kva.example"));
        assertEquals("_tollgate-challenge.api.example.com", DomainRules.challengeName("api.example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "*.example.com", "api..example.com", "-api.example.com", "api_1.example.com",
            "10.0.0.1", "bücher.example", "https://api.example.com"})
    void anything_but_a_plain_dns_name_is_refused(String hostname) {
        ProblemException problem = assertThrows(ProblemException.class, () -> DomainRules.hostname(hostname));
        assertEquals(List.of("hostname"), problem.violations().stream().map(Problem.Violation::field).toList());
    }

    @Test
    void base_paths_lose_their_slashes_and_the_root_is_empty() {
        UUID api = UUID.randomUUID();
        assertEquals("v1/orders", DomainRules.mapping(new DomainRequests.MappingSpec("/v1/orders/", api.toString(), "prod"),
                Set.of(api)).basePath());
        assertEquals("", DomainRules.mapping(new DomainRequests.MappingSpec("/", api.toString(), "prod"), Set.of(api)).basePath());
        assertEquals("", DomainRules.mapping(new DomainRequests.MappingSpec(null, api.toString(), "prod"), Set.of(api)).basePath());
    }

    @Test
    void every_invalid_field_of_a_mapping_is_listed() {
        ProblemException problem = assertThrows(ProblemException.class, () -> DomainRules.mapping(
                new DomainRequests.MappingSpec("v1//x?y", UUID.randomUUID().toString(), "pr od"), Set.of()));
        assertEquals(List.of("apiId", "basePath", "stage"),
                problem.violations().stream().map(Problem.Violation::field).toList());
        assertEquals("is not an API of this tenant", problem.violations().get(0).message());
        ProblemException missing = assertThrows(ProblemException.class, () -> DomainRules.mapping(
                new DomainRequests.MappingSpec("v1", "not-a-uuid", null), Set.of()));
        assertEquals(List.of("apiId", "stage"), missing.violations().stream().map(Problem.Violation::field).toList());
    }
}
