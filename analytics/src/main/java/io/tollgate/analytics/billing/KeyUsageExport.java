package io.tollgate.analytics.billing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * A month's usage per API key as CSV, from the day aggregates (scoped by tenant): one row per key,
 * requests without a key as key {@code -}, so that the rows add up to the month's invoice quantities.
 */
@ApplicationScoped
public class KeyUsageExport {

    @Inject
    Pool pool;

    public Uni<String> csv(String tenantId, YearMonth period) {
        OffsetDateTime from = period.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = period.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("select key_id, sum(requests), sum(bytes_in), sum(bytes_out) from usage_day where tenant_id = $1 "
                        + "and api_id <> '*' and bucket >= $2 and bucket < $3 group by key_id order by key_id")
                .execute(Tuple.of(tenantId, from, to))
                .map(rows -> {
                    StringBuilder csv = new StringBuilder("tenant_id,period,key_id,requests,bytes_in,bytes_out\r\n");
                    rows.forEach(row -> csv.append(InvoiceCsv.field(tenantId)).append(',').append(period).append(',')
                            .append(InvoiceCsv.field(row.getString(0))).append(',').append(row.getLong(1)).append(',')
                            .append(row.getLong(2)).append(',').append(row.getLong(3)).append("\r\n"));
                    return csv.toString();
                });
    }
}
