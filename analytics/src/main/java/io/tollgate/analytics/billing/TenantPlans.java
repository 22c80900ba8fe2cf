package io.tollgate.analytics.billing;

import io.smallrye.mutiny.Uni;
import io.tollgate.analytics.api.ProblemException;
import io.tollgate.analytics.planlimit.PlanLimitEnforcer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Which price plan a tenant is on ({@code plan_assignments}), and changing it. Every query is scoped by
 * tenant. A change is kept in {@code plan_changes} (who, when, from, to, from which month).
 *
 * <p>When a change applies: a move to a plan without a hard limit applies to the running month, so a
 * tenant whose FREE allowance is used up is served again at once (the month's requests are then billed
 * under the new plan, as its invoice shows). A move to a plan with a hard limit applies from the next
 * month: otherwise a tenant could use a paid plan all month and move to FREE on its last day to be billed
 * nothing.
 */
@ApplicationScoped
public class TenantPlans {

    private static final String PLAN_OF_MONTH = "coalesce((select plan_code from plan_assignments where tenant_id = $1 "
            + "and effective_from <= $2 order by effective_from desc limit 1), '" + PricePlan.DEFAULT + "')";

    @Inject
    Pool pool;

    @Inject
    PlanLimitEnforcer enforcer;

    Clock clock = Clock.systemUTC();

    public Uni<TenantPlan> of(String tenantId) {
        YearMonth month = YearMonth.now(clock);
        LocalDate first = month.atDay(1);
        Uni<Row> current = pool.preparedQuery("select p.code, p.included_requests, p.hard_limit, coalesce((select requests from "
                        + "tenant_month_requests where month = $2 and tenant_id = $1), 0) from price_plans p where p.code = "
                        + PLAN_OF_MONTH)
                .execute(Tuple.of(tenantId, first)).map(rows -> rows.iterator().next());
        Uni<TenantPlan.Scheduled> scheduled = pool.preparedQuery("select plan_code, effective_from from plan_assignments "
                        + "where tenant_id = $1 and effective_from > $2 order by effective_from limit 1")
                .execute(Tuple.of(tenantId, first))
                .map(rows -> rows.size() == 0 ? null : scheduled(rows.iterator().next()));
        Uni<List<TenantPlan.Change>> changes = pool.preparedQuery("select changed_at, changed_by, from_plan, to_plan, effective_from "
                        + "from plan_changes where tenant_id = $1 order by changed_at desc limit 20")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    List<TenantPlan.Change> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new TenantPlan.Change(row.getOffsetDateTime(0).toInstant(), row.getString(1),
                            row.getString(2), row.getString(3), row.getLocalDate(4))));
                    return list;
                });
        return Uni.combine().all().unis(current, scheduled, changes).asTuple().map(all -> {
            Row row = all.getItem1();
            long requests = row.getLong(3);
            long included = row.getLong(1);
            boolean hard = row.getBoolean(2);
            return new TenantPlan(row.getString(0), month.toString(), requests, included, hard, hard && requests >= included,
                    all.getItem2(), all.getItem3());
        });
    }

    /** Moves the tenant to the plan (see the class comment for when it applies); answers the tenant's plan afterwards. */
    public Uni<TenantPlan> change(String tenantId, String planCode, String changedBy) {
        YearMonth month = YearMonth.now(clock);
        return pool.withTransaction(connection -> connection
                        // one change of this tenant's plan at a time
                        .preparedQuery("select pg_advisory_xact_lock(hashtext('plan:' || $1))").execute(Tuple.of(tenantId))
                        .chain(() -> connection.preparedQuery("select hard_limit from price_plans where code = $1")
                                .execute(Tuple.of(planCode)))
                        .chain(plans -> {
                            if (plans.size() == 0) {
                                return knownPlans(connection).map(known -> {
                                    throw ProblemException.validation("plan: no such price plan '" + planCode + "'; known plans: "
                                            + String.join(", ", known));
                                });
                            }
                            boolean hardLimit = plans.iterator().next().getBoolean(0);
                            LocalDate effective = (hardLimit ? month.plusMonths(1) : month).atDay(1);
                            return assign(connection, tenantId, planCode, changedBy, month.atDay(1), effective);
                        }))
                .invoke(enforcer::nudge) // re-evaluate the tenant's limit now, not at the next round
                .chain(() -> of(tenantId));
    }

    private Uni<Void> assign(SqlConnection connection, String tenantId, String planCode, String changedBy, LocalDate currentMonth,
            LocalDate effective) {
        // the plan already in effect from then on, with no later change scheduled: nothing to do
        return connection.preparedQuery("select " + PLAN_OF_MONTH + ", exists(select 1 from plan_assignments where tenant_id = $1 "
                        + "and effective_from > $2)")
                .execute(Tuple.of(tenantId, effective))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getString(0).equals(planCode) && !row.getBoolean(1)) {
                        return Uni.createFrom().voidItem(); // already so: nothing changes, nothing recorded
                    }
                    return connection.preparedQuery("select " + PLAN_OF_MONTH)
                            .execute(Tuple.of(tenantId, currentMonth))
                            .chain(current -> connection.preparedQuery("delete from plan_assignments where tenant_id = $1 "
                                            + "and effective_from > $2").execute(Tuple.of(tenantId, effective))
                                    .chain(() -> connection.preparedQuery("insert into plan_assignments (tenant_id, effective_from, "
                                                    + "plan_code, assigned_by) values ($1, $2, $3, $4) on conflict (tenant_id, "
                                                    + "effective_from) do update set plan_code = excluded.plan_code, "
                                                    + "assigned_by = excluded.assigned_by, assigned_at = now()")
                                            .execute(Tuple.of(tenantId, effective, planCode, changedBy)))
                                    .chain(() -> connection.preparedQuery("insert into plan_changes (tenant_id, changed_at, "
                                                    + "changed_by, from_plan, to_plan, effective_from) values ($1, $2, $3, $4, $5, $6)")
                                            .execute(Tuple.tuple(List.of(tenantId, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                                                    changedBy, current.iterator().next().getString(0), planCode, effective)))))
                            .replaceWithVoid();
                });
    }

    private static Uni<List<String>> knownPlans(SqlConnection connection) {
        return connection.query("select code from price_plans order by code").execute().map(rows -> {
            List<String> codes = new ArrayList<>();
            rows.forEach(row -> codes.add(row.getString(0)));
            return codes;
        });
    }

    private static TenantPlan.Scheduled scheduled(Row row) {
        return new TenantPlan.Scheduled(row.getString(0), row.getLocalDate(1));
    }
}
