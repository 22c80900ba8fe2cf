package io.tollgate.analytics.billing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A tenant's monthly invoices, computed on request from the day aggregates (the tenant's total rows)
 * and the plan in effect for the month; every query is scoped by tenant. Nothing is stored: the
 * aggregates count each event once, so the same month always gives the same invoice once FINAL.
 */
@ApplicationScoped
public class Invoices {

    /** How many months the invoice list goes back. */
    static final int LISTED_MONTHS = 24;

    @Inject
    Pool pool;

    Clock clock = Clock.systemUTC();

    public Uni<Invoice> of(String tenantId, YearMonth period) {
        OffsetDateTime from = period.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = period.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        Uni<PricePlan> plan = plan(tenantId, period);
        Uni<Row> usage = pool.preparedQuery("select coalesce(sum(requests), 0), coalesce(sum(bytes_out), 0), exists(select 1 from "
                        + "rollup_pending where tenant_id = $1 and hour >= $2 and hour < $3) from usage_day "
                        + "where tenant_id = $1 and api_id = '*' and bucket >= $2 and bucket < $3")
                .execute(Tuple.of(tenantId, from, to))
                .map(rows -> rows.iterator().next());
        return Uni.combine().all().unis(plan, usage).asTuple().map(both -> {
            Row row = both.getItem2();
            boolean closed = !OffsetDateTime.now(clock).isBefore(to);
            Invoice.Status status = closed && !row.getBoolean(2) ? Invoice.Status.FINAL : Invoice.Status.DRAFT;
            return InvoiceCalculator.invoice(tenantId, period, status, both.getItem1(), row.getLong(0), row.getLong(1));
        });
    }

    /** The price plan in effect for the tenant in that month (the latest assignment not after it, else FREE). */
    public Uni<PricePlan> plan(String tenantId, YearMonth period) {
        return pool.preparedQuery("select code, currency, included_requests, hard_limit, price_per_million_requests, "
                        + "price_per_gb_out from price_plans where code = coalesce((select plan_code from plan_assignments "
                        + "where tenant_id = $1 and effective_from <= $2 order by effective_from desc limit 1), $3)")
                .execute(Tuple.of(tenantId, period.atDay(1), PricePlan.DEFAULT))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new PricePlan(row.getString(0), row.getString(1), row.getLong(2), row.getBoolean(3), row.getLong(4),
                            row.getLong(5));
                });
    }

    /** The running month's invoice and those of earlier months with usage, newest first (at most {@value #LISTED_MONTHS}). */
    public Uni<List<Invoice>> list(String tenantId) {
        YearMonth current = YearMonth.now(clock);
        OffsetDateTime since = current.minusMonths(LISTED_MONTHS - 1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("select distinct to_char(bucket at time zone 'UTC', 'YYYY-MM') from usage_day "
                        + "where tenant_id = $1 and api_id = '*' and bucket >= $2")
                .execute(Tuple.of(tenantId, since))
                .flatMap(rows -> {
                    TreeSet<YearMonth> months = new TreeSet<>(java.util.Comparator.reverseOrder());
                    months.add(current);
                    rows.forEach(row -> months.add(YearMonth.parse(row.getString(0))));
                    List<Uni<Invoice>> invoices = new ArrayList<>();
                    months.forEach(month -> invoices.add(of(tenantId, month)));
                    return Uni.join().all(invoices).andFailFast();
                });
    }
}
