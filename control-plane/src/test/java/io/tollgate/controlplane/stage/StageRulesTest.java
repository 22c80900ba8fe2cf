package io.tollgate.controlplane.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tollgate.controlplane.problem.Problem;
import io.tollgate.controlplane.problem.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StageRulesTest {

    private static final StageRules.Deployments FOUND = new StageRules.Deployments(true, Set.of("GET /pets"), true);

    private static List<String> fieldsOf(String name, StageSpec spec, StageRules.Deployments deployments) {
        ProblemException e = assertThrows(ProblemException.class, () -> StageRules.check(name, spec, deployments));
        return e.violations().stream().map(Problem.Violation::field).toList();
    }

    @Test
    void cache_ttl_defaults_to_300_seconds() {
        StageSpec checked = StageRules.check("prod", new StageSpec("d1", null, null, null, new StageSpec.Cache(true, null, null),
                null, null), FOUND);
        assertEquals(300, checked.cache().ttlSeconds());
        assertEquals(false, checked.accessLogging());
    }

    @Test
    void cache_ttl_is_at_most_an_hour_and_canary_percent_at_most_100() {
        assertEquals(List.of("cache.ttlSeconds", "canary.percent"), fieldsOf("prod", new StageSpec("d1", null, null, null,
                new StageSpec.Cache(true, 3601, null), null, new StageSpec.Canary(100.5, "d2", null)), FOUND));
    }

    @Test
    void route_throttles_are_keyed_by_a_route_of_the_deployment() {
        StageRules.check("prod", new StageSpec("d1", null, null, Map.of("GET /pets", new StageSpec.Throttle(5.0, 10)), null, null,
                null), FOUND);
        assertEquals(List.of("routeThrottles.GET /toys"), fieldsOf("prod", new StageSpec("d1", null, null,
                Map.of("GET /toys", new StageSpec.Throttle(5.0, 10)), null, null, null), FOUND));
    }

    @Test
    void names_and_deployments_must_exist_and_be_valid() {
        assertEquals(List.of("canary.deploymentId", "deploymentId", "name", "throttle.burstLimit", "variables.bad-name"),
                fieldsOf("prod!", new StageSpec("nope", Map.of("bad-name", "x"), new StageSpec.Throttle(1.0, null), null, null, null,
                        new StageSpec.Canary(10.0, "nope", null)), new StageRules.Deployments(false, Set.of(), false)));
    }
}
