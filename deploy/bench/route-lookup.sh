#!/usr/bin/env bash
# JMH benchmark of the gateway's route lookup (io.tollgate.gateway.routing.RouteTable) with 10,
# 1 000 and 10 000 routes, for lookups that hit an exact route, a {param} route, a greedy
# {path+} route, and one that misses. The point it makes: the cost of a lookup follows the
# length of the request path and stays flat as the number of routes grows.
#
# Builds deploy/bench/jmh (target/benchmarks.jar, an executable JMH jar) when its sources or the
# routing code changed, then runs it. Short settings by default, enough to see the shape on a
# shared machine; pass JMH options to measure properly, e.g.:
#
#   deploy/bench/route-lookup.sh                              # -f 1 -wi 2 -i 3 -w 1s -r 1s
#   deploy/bench/route-lookup.sh -f 3 -wi 5 -i 10             # longer, quieter figures
#   deploy/bench/route-lookup.sh -p lookup=param -p routes=10,10000
#   ROUTE_BENCH_OPTS="-f 1 -wi 1 -i 2" deploy/bench/route-lookup.sh
#
# Settings (environment variables):
#   ROUTE_BENCH_OPTS        JMH options used when no arguments are given  default -f 1 -wi 2 -i 3 -w 1s -r 1s
#   ROUTE_BENCH_SKIP_BUILD  1: run the existing benchmarks.jar as it is   default 0
# Any arguments are passed to JMH as they are (java -jar benchmarks.jar -h lists them).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR="$ROOT/deploy/bench/jmh/target/benchmarks.jar"
DEFAULT_OPTS=${ROUTE_BENCH_OPTS:--f 1 -wi 2 -i 3 -w 1s -r 1s}
SKIP_BUILD=${ROUTE_BENCH_SKIP_BUILD:-0}

log() { printf '[route-lookup] %s\n' "$*" >&2; }

is_fresh() {
  [ -f "$JAR" ] || return 1
  [ -z "$(find "$ROOT/deploy/bench/jmh/src" "$ROOT/deploy/bench/jmh/pom.xml" \
        "$ROOT/data-plane/node/src/main/java/io/tollgate/gateway/routing" "$ROOT/pom.xml" \
        -newer "$JAR" -print -quit 2>/dev/null)" ]
}

if [ "$SKIP_BUILD" = 1 ] || is_fresh; then
  [ -f "$JAR" ] || { log "error: $JAR is missing"; exit 1; }
  log "using $JAR"
else
  log "building deploy/bench/jmh (./mvnw -q -o -pl deploy/bench/jmh -am package -DskipTests)"
  # offline first (everything is usually in ~/.m2 already), online once if something is missing
  (cd "$ROOT" && { ./mvnw -q -o -pl deploy/bench/jmh -am package -DskipTests \
      || ./mvnw -q -pl deploy/bench/jmh -am package -DskipTests; }) >&2
fi

# shellcheck source=../scripts/jdk.sh
. "$ROOT/deploy/scripts/jdk.sh"

if [ $# -eq 0 ]; then
  # shellcheck disable=SC2206
  set -- $DEFAULT_OPTS
fi
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -jar "$JAR" RouteLookupBenchmark "$@"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
