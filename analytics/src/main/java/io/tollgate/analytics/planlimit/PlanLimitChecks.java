package io.tollgate.analytics.planlimit;

import io.tollgate.analytics.billing.PricePlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the tenants' request counts of the running month with their plans' hard limits and with what
 * was already reported to the control plane ({@code plan_limit_reports}), and answers only the
 * differences: restrictions to report, and restrictions to lift. At most {@code max} of each per call,
 * so one round's work stays bounded however many tenants there are.
 *
 * <p>A limit counts as reached when the month's requests are at least the plan's allowance: with an
 * allowance of N, the N-th request is the last one served (the count lands after it was answered), and
 * the gateway refuses the tenant's traffic from then on.
 */
public final class PlanLimitChecks {

    /** The month's plan of a tenant (column {@code tenant_id} of the outer query): its latest assignment not after the month. */
    private static final String PLAN_OF_TENANT = "coalesce((select a.plan_code from plan_assignments a where a.tenant_id = %s "
            + "and a.effective_from <= ? order by a.effective_from desc limit 1), '" + PricePlan.DEFAULT + "')";

    private PlanLimitChecks() {
    }

    /** The limit of a tenant's plan, reached in a period. */
    public record Reached(String tenantId, YearMonth period, String plan, long allowance, long requests) {
    }

    /** A reported restriction that no longer holds. */
    public record Lift(String tenantId, YearMonth period, Reason reason) {

        public enum Reason { NEW_PERIOD, PLAN_CHANGED }
    }

    /** Tenants whose plan's hard limit is reached in the month and not reported yet. */
    public static List<Reached> reached(Connection connection, YearMonth month, int max) throws SQLException {
        LocalDate first = month.atDay(1);
        String sql = "select u.tenant_id, u.requests, p.code, p.included_requests from tenant_month_requests u "
                + "join price_plans p on p.code = " + PLAN_OF_TENANT.formatted("u.tenant_id") + " "
                + "where u.month = ? "
                // only tenants at or over the smallest hard allowance: an index range, not every tenant
                + "and u.requests >= (select coalesce(min(included_requests), 9223372036854775807) from price_plans where hard_limit) "
                + "and p.hard_limit and u.requests >= p.included_requests "
                + "and not exists (select 1 from plan_limit_reports r where r.tenant_id = u.tenant_id and r.period = ?) "
                + "order by u.tenant_id limit ?";
        List<Reached> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, first);
            statement.setObject(2, first);
            statement.setObject(3, first);
            statement.setInt(4, max);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Reached(rows.getString(1), month, rows.getString(3), rows.getLong(4), rows.getLong(2)));
                }
            }
        }
        return found;
    }

    /**
     * Reported restrictions to lift: those of an earlier period (a new one began), and those of the month
     * whose tenant's plan now has no hard limit or one not reached (the plan changed).
     */
    public static List<Lift> toLift(Connection connection, YearMonth month, int max) throws SQLException {
        LocalDate first = month.atDay(1);
        String sql = "select r.tenant_id, r.period, r.period < ? from plan_limit_reports r "
                + "join price_plans p on p.code = " + PLAN_OF_TENANT.formatted("r.tenant_id") + " "
                + "left join tenant_month_requests u on u.month = ? and u.tenant_id = r.tenant_id "
                + "where r.period < ? or not p.hard_limit or coalesce(u.requests, 0) < p.included_requests "
                + "order by r.tenant_id limit ?";
        List<Lift> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, first);
            statement.setObject(2, first);
            statement.setObject(3, first);
            statement.setObject(4, first);
            statement.setInt(5, max);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Lift(rows.getString(1), YearMonth.from(rows.getObject(2, LocalDate.class)),
                            rows.getBoolean(3) ? Lift.Reason.NEW_PERIOD : Lift.Reason.PLAN_CHANGED));
                }
            }
        }
        return found;
    }

    /** The control plane acknowledged the restriction. */
    public static void reported(Connection connection, Reached reached, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into plan_limit_reports "
                + "(tenant_id, period, plan_code, allowance, reported_at) values (?, ?, ?, ?, ?) on conflict (tenant_id) do update set "
                + "period = excluded.period, plan_code = excluded.plan_code, allowance = excluded.allowance, reported_at = excluded.reported_at")) {
            statement.setString(1, reached.tenantId());
            statement.setObject(2, reached.period().atDay(1));
            statement.setString(3, reached.plan());
            statement.setLong(4, reached.allowance());
            statement.setTimestamp(5, Timestamp.from(at));
            statement.executeUpdate();
        }
    }

    /** The control plane acknowledged the lift (only the lifted period's row goes: a newer one stays). */
    public static void lifted(Connection connection, Lift lift) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "delete from plan_limit_reports where tenant_id = ? and period = ?")) {
            statement.setString(1, lift.tenantId());
            statement.setObject(2, lift.period().atDay(1));
            statement.executeUpdate();
        }
    }
}
