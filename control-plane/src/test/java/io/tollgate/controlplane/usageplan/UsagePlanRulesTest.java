package io.tollgate.controlplane.usageplan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tollgate.controlplane.problem.Problem;
import io.tollgate.controlplane.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsagePlanRulesTest {

    static final UUID API = UUID.fromString("0190f3a0-0000-7000-8000-000000000002");

    @Test
    void a_plan_with_only_a_name_is_valid_and_gets_an_empty_stage_list() {
        UsagePlanSpec plan = UsagePlanRules.check(new UsagePlanSpec("  Free  ", " ", null, null, null), Set.of());
        assertEquals("Free", plan.name());
        assertEquals(null, plan.description());
        assertTrue(plan.stages().isEmpty());
    }

    @Test
    void the_quota_period_is_normalized_to_upper_case() {
        UsagePlanSpec plan = UsagePlanRules.check(new UsagePlanSpec("Gold", null, null, new UsagePlanSpec.Quota(5L, "week"),
                List.of(new UsagePlanSpec.PlanStage(API.toString(), "prod", new UsagePlanSpec.Throttle(1.5, 3)))), Set.of(API));
        assertEquals("WEEK", plan.quota().period());
        assertEquals(1, plan.stages().size());
    }

    @Test
    void every_invalid_field_is_reported_at_once() {
        UsagePlanSpec spec = new UsagePlanSpec("", "x".repeat(1025), new UsagePlanSpec.Throttle(-1.0, null),
                new UsagePlanSpec.Quota(-5L, "YEAR"),
                Arrays.asList(new UsagePlanSpec.PlanStage(UUID.randomUUID().toString(), "prod", null),
                        new UsagePlanSpec.PlanStage("not-a-uuid", "bad/name", new UsagePlanSpec.Throttle(1.0, 2_000_000)),
                        new UsagePlanSpec.PlanStage(API.toString(), "prod", null),
                        new UsagePlanSpec.PlanStage(API.toString(), "prod", null),
                        null));
        ProblemException problem = assertThrows(ProblemException.class, () -> UsagePlanRules.check(spec, Set.of(API)));
        assertThat(problem.violations().stream().map(Problem.Violation::field).toList(), containsInAnyOrder(
                "name", "description", "throttle.rateLimit", "throttle.burstLimit", "quota.limit", "quota.period",
                "stages[0].apiId", "stages[1].apiId", "stages[1].stage", "stages[1].throttle.burstLimit", "stages[3]",
                "stages[4]"));
    }

    @Test
    void a_quota_needs_a_limit_and_a_period() {
        ProblemException problem = assertThrows(ProblemException.class, () -> UsagePlanRules.check(
                new UsagePlanSpec("Plan", null, null, new UsagePlanSpec.Quota(null, null), List.of()), Set.of()));
        assertThat(problem.violations().stream().map(Problem.Violation::field).toList(),
                containsInAnyOrder("quota.limit", "quota.period"));
    }
}
