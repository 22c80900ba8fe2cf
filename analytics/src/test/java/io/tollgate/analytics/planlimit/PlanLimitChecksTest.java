package io.tollgate.analytics.planlimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.analytics.ingest.TestTopic;
import io.tollgate.contract.v1.AccessEvent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Detection of used-up plan limits over a known event set, counted by the real ingest into real
 * PostgreSQL: a plan with a hard allowance of {@value #ALLOWANCE} requests a month is reached at exactly
 * {@value #ALLOWANCE}, not at one less; plans without a hard limit never; reported limits are not found
 * again, and lifts are found for a new month and after a plan change.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanLimitChecksTest {

    private static final int ALLOWANCE = 5;
    /** A test plan like FREE with a small allowance (plans are platform data: tests add their own). */
    private static final String PLAN = "TEST-HARD-" + ALLOWANCE;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String atLimit = "t-at-" + UUID.randomUUID();
    private final String belowLimit = "t-below-" + UUID.randomUUID();
    private final String payg = "t-payg-" + UUID.randomUUID();
    private final YearMonth month = YearMonth.now(ZoneOffset.UTC);

    @BeforeAll
    void countAKnownSet() throws Exception {
        sql("insert into price_plans values ('" + PLAN + "', 'EUR', " + ALLOWANCE + ", true, 0, 0) on conflict do nothing");
        assign(atLimit, PLAN, month);
        assign(belowLimit, PLAN, month);
        assign(payg, "PAYG", month);
        List<AccessEvent> events = new ArrayList<>();
        events.addAll(events(atLimit, ALLOWANCE));
        events.addAll(events(belowLimit, ALLOWANCE - 1));
        events.addAll(events(payg, ALLOWANCE * 10));
        TestTopic.countAll(dataSource, bootstrapServers, events);
    }

    @Test
    void the_limit_is_reached_at_the_allowance_not_one_request_before() throws Exception {
        List<PlanLimitChecks.Reached> reached = reachedAmong(atLimit, belowLimit, payg);
        assertEquals(List.of(new PlanLimitChecks.Reached(atLimit, month, PLAN, ALLOWANCE, ALLOWANCE)), reached);
    }

    @Test
    void a_reported_limit_is_not_found_again_and_lifts_when_the_month_is_over_or_the_plan_changes() throws Exception {
        String tenant = "t-lift-" + UUID.randomUUID();
        assign(tenant, PLAN, month);
        TestTopic.countAll(dataSource, bootstrapServers, events(tenant, ALLOWANCE + 2));
        PlanLimitChecks.Reached reached = reachedAmong(tenant).getFirst();
        assertEquals(ALLOWANCE + 2, reached.requests());
        try (Connection connection = dataSource.getConnection()) {
            PlanLimitChecks.reported(connection, reached, Instant.now());
            assertTrue(reachedAmong(tenant).isEmpty(), "reported once");
            assertTrue(liftsOf(connection, month, tenant).isEmpty(), "still over its limit this month");
            // next month: a new period lifts it
            assertEquals(List.of(new PlanLimitChecks.Lift(tenant, month, PlanLimitChecks.Lift.Reason.NEW_PERIOD)),
                    liftsOf(connection, month.plusMonths(1), tenant));
            // this month, on a plan without a hard limit: lifted as a plan change
            assign(tenant, "PAYG", month);
            assertEquals(List.of(new PlanLimitChecks.Lift(tenant, month, PlanLimitChecks.Lift.Reason.PLAN_CHANGED)),
                    liftsOf(connection, month, tenant));
            PlanLimitChecks.lifted(connection, liftsOf(connection, month, tenant).getFirst());
            assertTrue(liftsOf(connection, month, tenant).isEmpty(), "lifted once");
        }
    }

    /** What the check finds among these tenants (the database holds other tests' tenants too). */
    private List<PlanLimitChecks.Reached> reachedAmong(String... tenants) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return PlanLimitChecks.reached(connection, month, 10_000).stream()
                    .filter(r -> List.of(tenants).contains(r.tenantId())).toList();
        }
    }

    private static List<PlanLimitChecks.Lift> liftsOf(Connection connection, YearMonth month, String tenant) throws SQLException {
        return PlanLimitChecks.toLift(connection, month, 10_000).stream().filter(l -> l.tenantId().equals(tenant)).toList();
    }

    private List<AccessEvent> events(String tenant, int count) {
        Instant now = Instant.now();
        Instant at = YearMonth.from(now.atOffset(ZoneOffset.UTC)).equals(month) ? now : month.atEndOfMonth().atTime(12, 0)
                .toInstant(ZoneOffset.UTC); // the month turned while the test ran: keep the events in the test's month
        List<AccessEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new AccessEvent(UUID.randomUUID().toString(), at.toEpochMilli() - i, tenant, "a-1", "prod", "/a", "GET", 200,
                    1_000, -1, 0, 100, null, null, null, "r", "127.0.0.1"));
        }
        return events;
    }

    private void assign(String tenant, String plan, YearMonth from) throws SQLException {
        sql("insert into plan_assignments (tenant_id, effective_from, plan_code, assigned_by) values ('" + tenant + "', '"
                + from.atDay(1) + "', '" + plan + "', 'test') on conflict (tenant_id, effective_from) do update set plan_code = excluded.plan_code");
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement prepared = connection.prepareStatement(statement)) {
            prepared.executeUpdate();
        }
    }
}
