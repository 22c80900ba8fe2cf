#!/usr/bin/env bash
# How long the analytics API's heaviest range query takes: a 30-day per-minute time series of one
# tenant (43 200 buckets), with BENCH_COMBOS API/route/key combinations per minute, among other
# tenants' rows. Runs the schema (analytics/src/main/resources/db/migration) in a scratch database
# on a PostgreSQL you name, fills it with generate_series, and prints the query's execution time
# (EXPLAIN ANALYZE, median of 5, warm).
#   deploy/bench/analytics-query.sh 127.0.0.1 15432            # user postgres, trust on loopback
#   BENCH_COMBOS=20 deploy/bench/analytics-query.sh 127.0.0.1 15432
set -euo pipefail
cd "$(dirname "$0")/../.."
HOST=${1:?host}; PORT=${2:?port}; COMBOS=${BENCH_COMBOS:-5}; DB=tollgate_analytics_bench
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U "${BENCH_PGUSER:-postgres}")
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
for migration in analytics/src/main/resources/db/migration/V*.sql; do "${PSQL[@]}" -d "$DB" -f "$migration"; done
hist='\\x1c849303000000000000000000000000'  # placeholder histogram bytes: the series does not read them
"${PSQL[@]}" -d "$DB" <<SQL
insert into usage_minute
select t.tenant, m.bucket, 'a-' || (c % 3), 'prod', 'GET /r' || c, 'k-' || c, 100, 0, 95, 0, 4, 1, 5, 0, 10, 90, 1000, 50000,
       100000, 9000, '$hist'::bytea
from (values ('bench-tenant'), ('bench-other-1'), ('bench-other-2')) as t(tenant),
     generate_series(date_trunc('minute', now()) - interval '30 days', date_trunc('minute', now()) - interval '1 minute',
                     interval '1 minute') as m(bucket),
     generate_series(1, $COMBOS) as c;
-- the tenants' total rows, one per minute, as the ingest writes them
insert into usage_minute
select tenant_id, bucket, '*', '*', '*', '*', sum(requests), 0, sum(status_2xx), 0, sum(status_4xx), sum(status_5xx), sum(errors), 0,
       sum(cache_hits), sum(cache_misses), sum(bytes_in), sum(bytes_out), sum(latency_sum_micros), max(latency_max_micros), '$hist'::bytea
from usage_minute group by tenant_id, bucket;
analyze;
SQL
rows=$("${PSQL[@]}" -d "$DB" -At -c "select count(*) from usage_minute")
times=()
for i in 1 2 3 4 5 6; do
  t=$("${PSQL[@]}" -d "$DB" -At -c "explain (analyze, format json) select bucket, sum(requests), sum(status_1xx), sum(status_2xx),
      sum(status_3xx), sum(status_4xx), sum(status_5xx), sum(errors), sum(throttles), sum(cache_hits), sum(cache_misses),
      sum(bytes_in), sum(bytes_out), sum(latency_sum_micros) from usage_minute
      where tenant_id = 'bench-tenant' and bucket >= now() - interval '30 days' and bucket < now()
      and api_id = '*' and stage = '*' and route = '*' and key_id = '*' group by bucket order by bucket" \
      | sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p')
  [ "$i" -gt 1 ] && times+=("$t")   # the first run warms the cache
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "[bench] 30-day per-minute series of one tenant: ${median} ms (median of 5; ${COMBOS} combinations/minute, ${rows} rows in usage_minute, load $(cut -d' ' -f1-3 /proc/loadavg))"
"${PSQL[@]}" -d postgres -c "drop database $DB"
