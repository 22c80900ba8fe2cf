#!/usr/bin/env bash
# Access events counted per second by one analytics ingest consumer (Kafka → PostgreSQL, exactly
# once), against real services: the running set named by TOLLGATE_SERVICES_FILE, else its own.
#   deploy/bench/analytics-ingest.sh                  # 200 000 events, 20 tenants
#   BENCH_EVENTS=50000 deploy/bench/analytics-ingest.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -B -q -pl analytics -am test -Dtest=IngestThroughputBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtollgate.bench.events="${BENCH_EVENTS:-200000}" -Dtollgate.bench.tenants="${BENCH_TENANTS:-20}" 2>&1 | grep '\[bench\]'
