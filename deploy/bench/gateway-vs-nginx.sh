#!/usr/bin/env bash
# Throughput and latency of the Tollgate gateway node against a direct upstream and against
# Debian's nginx as a reverse proxy, measured in ONE run, interleaved:
#
#   warm-up: direct, nginx, tollgate (not recorded)
#   round 1: direct, nginx, tollgate
#   round 2: direct, nginx, tollgate   ...
#
# and printed as a table of medians over the rounds with the ratios Tollgate ÷ direct and
# Tollgate ÷ nginx. Tollgate runs as deployed: every request's access event goes to a real Kafka
# (BENCH_KAFKA, or a broker the script starts with deploy/runtime), so the producer's batching,
# compression and network sends are part of what is measured. A fourth target, `keyed`, is Tollgate on a route that needs an API key under
# a usage plan with a throttle (limits far above the load, so nothing is refused): its req/s ÷
# Tollgate's plain route is the price of key authentication + cluster-wide rate limiting. On a shared machine only those ratios mean something (every target suffers
# the same neighbours within one interleaved run); the load average before and after says how
# quiet the run was. See README.md beside this file.
#
# Everything binds to 127.0.0.1; everything the script starts is stopped on exit (trap).
#
# Usage: deploy/bench/gateway-vs-nginx.sh   (3 rounds x 10 s; warm-up 5 s direct/nginx, 30 s Tollgate)
#        BENCH_ROUNDS=1 BENCH_DURATION=3 BENCH_WARMUP=1 BENCH_TOLLGATE_WARMUP=10 deploy/bench/gateway-vs-nginx.sh   (quick trial)
#
# Settings (environment variables):
#   BENCH_ROUNDS        rounds of (direct, nginx, tollgate)                         default 3
#   BENCH_DURATION      seconds of each recorded wrk run                            default 10
#   BENCH_WARMUP        seconds of the unrecorded warm-up run of direct and nginx   default 5
#   BENCH_TOLLGATE_WARMUP  seconds of Tollgate's unrecorded warm-up run (JIT)        default 30
#   BENCH_CONNECTIONS   wrk connections                                             default 64
#   BENCH_WRK_THREADS   wrk threads                                                 default 1
#   BENCH_WORKERS       nginx worker_processes = Tollgate's Vert.x event loops      default 1
#   BENCH_UPSTREAM_WORKERS  worker_processes of the upstream nginx                  default 1
#   BENCH_PATH          request path after the stage (upstream sees this path)      default /pets/42
#   BENCH_HEAP          Tollgate's JVM heap (-Xms = -Xmx)                           default 512m
#   BENCH_JAVA_OPTS     extra JVM options for Tollgate (replace the GC choice etc.) default -XX:+UseParallelGC
#                       --sun-misc-unsafe-memory-access=allow (docs/gateway-node.md, "Running the JVM build")
#   BENCH_SKIP_BUILD    1: never rebuild the gateway node, even if its jar is stale  default 0
#   BENCH_KEEP          1: keep the temporary folder (configs, logs) after the run  default 0
#   BENCH_MAX_SECONDS   hard limit for the whole run, then everything is stopped    default: computed
#   BENCH_KAFKA         host:port of a running Kafka (with the tollgate.access-events topic, e.g.
#                       from ./tollgate services) taking the node's access events; unset: the
#                       script starts a broker of its own (./tollgate services --only kafka, in its
#                       temporary folder); "none": Kafka at a closed port, events go to the disk
#                       spool (the node's outage mode, not its normal one)               default: unset
#   BENCH_INFINISPAN    host:port of a running Infinispan: holds the keyed route's counters and
#                       adds the target "cached", a stage with the response cache on (every request
#                       after the first is a hit), and the ratio cached ÷ tollgate        default: unset
#                       (unset: the throttle runs on the node's per-node share, no "cached" target)
#
# Why 1 worker by default: on the 2-core build machines wrk, the upstream and the proxy share
# the CPU; one worker each keeps the proxies from fighting the load generator for cores. Set
# BENCH_WORKERS (and BENCH_WRK_THREADS) higher on bigger machines; nginx and Tollgate always get
# the same number.
set -euo pipefail
export LC_NUMERIC=C # printf and awk read and write figures with a decimal point, whatever the locale

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-5}
TOLLGATE_WARMUP=${BENCH_TOLLGATE_WARMUP:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
WRK_THREADS=${BENCH_WRK_THREADS:-1}
WORKERS=${BENCH_WORKERS:-1}
UPSTREAM_WORKERS=${BENCH_UPSTREAM_WORKERS:-1}
REQUEST_PATH=${BENCH_PATH:-/pets/42}
HEAP=${BENCH_HEAP:-512m}
JAVA_OPTS_EXTRA=${BENCH_JAVA_OPTS:--XX:+UseParallelGC --sun-misc-unsafe-memory-access=allow}
SKIP_BUILD=${BENCH_SKIP_BUILD:-0}
KEEP=${BENCH_KEEP:-0}
CACHE_HOSTS=${BENCH_INFINISPAN:-}
KAFKA=${BENCH_KAFKA:-}
# start-up (build excluded, it runs before the clock) + every wrk run + slack
INFINISPAN=${BENCH_INFINISPAN:-127.0.0.1:2}
MAX_SECONDS=${BENCH_MAX_SECONDS:-$(( 360 + 3 * WARMUP + 2 * TOLLGATE_WARMUP + ROUNDS * 5 * (DURATION + 5) ))}

API_ID=bench
STAGE=prod
CACHED_STAGE=cached
GATEWAY_HOST="$API_ID.gateway.localhost"

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

for value in ROUNDS DURATION WARMUP TOLLGATE_WARMUP CONNECTIONS WRK_THREADS WORKERS UPSTREAM_WORKERS; do
  [[ ${!value} =~ ^[0-9]+$ ]] || die "BENCH_$value must be a whole number, got '${!value}'"
done
(( ROUNDS >= 1 && DURATION >= 1 && WORKERS >= 1 )) || die "BENCH_ROUNDS, BENCH_DURATION and BENCH_WORKERS must be at least 1"

# --- tools ------------------------------------------------------------------------------------
install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} from Debian"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Debian's nginx package may start a system nginx on port 80 where no policy-rc.d forbids it;
  # this script never uses that service, it runs nginx with its own configuration below.
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2; then
    $sudo apt-get update -q >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
  fi
}
install_tools
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# --- the gateway node -------------------------------------------------------------------------
NODE_DIR="$ROOT/data-plane/node"
RUN_JAR="$NODE_DIR/target/quarkus-app/quarkus-run.jar"
node_is_fresh() {
  [ -f "$RUN_JAR" ] || return 1
  # stale when any source or pom of the node or of the contract is newer than the packaged app
  [ -z "$(find "$NODE_DIR/src/main" "$NODE_DIR/pom.xml" "$ROOT/data-plane/contract/src/main" \
        "$ROOT/data-plane/contract/pom.xml" "$ROOT/pom.xml" -newer "$RUN_JAR" -print -quit 2>/dev/null)" ]
}
if node_is_fresh; then
  log "gateway node jar is up to date"
elif [ "$SKIP_BUILD" = 1 ]; then
  [ -f "$RUN_JAR" ] || die "$RUN_JAR is missing and BENCH_SKIP_BUILD=1"
  log "gateway node jar is older than its sources; using it anyway (BENCH_SKIP_BUILD=1)"
else
  log "building the gateway node (./mvnw -q -pl data-plane/node -am package -DskipTests)"
  (cd "$ROOT" && ./mvnw -q -pl data-plane/node -am package -DskipTests) >&2
fi
# shellcheck source=../scripts/jdk.sh
. "$ROOT/deploy/scripts/jdk.sh"
JAVA="$JAVA_HOME/bin/java"

# --- temporary folder, clean stop -------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-bench.XXXXXX")
PIDS=()
KAFKA_RUNTIME_PID=""
WATCHDOG=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$WATCHDOG" ]; then # end its sleep early: the watchdog then ends without firing
    local sleeper
    sleeper=$(cat "$WORK/watchdog.pid" 2>/dev/null || true)
    if [ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; then
      wait "$WATCHDOG" 2>/dev/null || true
    else
      kill "$WATCHDOG" 2>/dev/null || true
    fi
  fi
  local pid
  if [ -n "$KAFKA_RUNTIME_PID" ]; then # the runtime's shutdown hook stops its broker; give it time to
    kill -TERM "$KAFKA_RUNTIME_PID" 2>/dev/null || true
    for _ in $(seq 600); do kill -0 "$KAFKA_RUNTIME_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "$KEEP" = 1 ] || [ "$status" -ne 0 ]; then
    log "configs and logs kept in $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM
# A hard limit for the whole run: the watchdog signals this script, whose trap stops the rest.
(
  sleep "$MAX_SECONDS" &
  echo $! >"$WORK/watchdog.pid"
  if wait $!; then
    echo "[bench] error: run exceeded ${MAX_SECONDS}s (BENCH_MAX_SECONDS), stopping" >&2
    kill -TERM $$
  fi
) &
WATCHDOG=$!

# --- free loopback ports ----------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
TAKEN=" "
free_port() {
  local port=$(( 20000 + RANDOM % 20000 ))
  while port_in_use "$port" || [[ $TAKEN == *" $port "* ]]; do port=$(( port + 1 )); done
  TAKEN+="$port "
  echo "$port"
}
UPSTREAM_PORT=$(free_port)
NGINX_PORT=$(free_port)
TOLLGATE_PORT=$(free_port)          # the node's main port (health, metrics)
TOLLGATE_TRAFFIC_PORT=$(free_port)  # its dedicated listener for tenants' traffic

wait_for() { # wait_for <seconds> <description> <command...>: polls until the command succeeds
  local seconds=$1 what=$2 i
  shift 2
  for (( i = 0; i < seconds * 5; i++ )); do
    "$@" && return 0
    sleep 0.2
  done
  die "$what not ready after ${seconds}s"
}

# --- upstream: a second nginx answering a fixed 2-byte body -------------------------------------
# Not one of the compared proxies' code paths: a fixed `return 200` is about the cheapest HTTP
# server there is, so the upstream takes as little as possible of the shared CPU.
nginx_common() { # nginx_common <name>: settings both nginx instances share
  cat <<EOF
daemon off;
master_process on;
pid $WORK/$1.pid;
error_log $WORK/$1-error.log warn;
events { worker_connections 4096; }
EOF
}
temp_paths() { # nginx's default temp folders may be unwritable; keep them in the work folder
  local name=$1
  printf '  client_body_temp_path %s; proxy_temp_path %s; fastcgi_temp_path %s; uwsgi_temp_path %s; scgi_temp_path %s;\n' \
    "$WORK/$name-tmp/body" "$WORK/$name-tmp/proxy" "$WORK/$name-tmp/fastcgi" "$WORK/$name-tmp/uwsgi" "$WORK/$name-tmp/scgi"
}
mkdir -p "$WORK/upstream-tmp" "$WORK/nginx-tmp" "$WORK/tollgate-state"
{
  nginx_common upstream
  echo "worker_processes $UPSTREAM_WORKERS;"
  cat <<EOF
http {
  access_log off;
  keepalive_timeout 300s;
  keepalive_requests 100000000;
$(temp_paths upstream)
  server {
    listen 127.0.0.1:$UPSTREAM_PORT backlog=4096;
    location / {
      default_type text/plain;
      return 200 "ok";
    }
  }
}
EOF
} > "$WORK/upstream.conf"

# --- nginx as reverse proxy ---------------------------------------------------------------------
# Upstream keep-alive as nginx's docs ask for it (keepalive in the upstream block, HTTP/1.1 and
# an empty Connection header), the stage prefix stripped like Tollgate's default endpoint does,
# and the X-Forwarded-* / request id headers Tollgate adds, so both proxies do the same work.
{
  nginx_common nginx
  echo "worker_processes $WORKERS;"
  cat <<EOF
http {
  access_log off;
  keepalive_timeout 300s;
  keepalive_requests 100000000;
$(temp_paths nginx)
  upstream backend {
    server 127.0.0.1:$UPSTREAM_PORT;
    keepalive 64;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT backlog=4096;
    location /$STAGE/ {
      proxy_pass http://backend/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$proxy_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
      proxy_set_header X-Request-Id \$request_id;
    }
  }
}
EOF
} > "$WORK/nginx.conf"

start_nginx() { # start_nginx <name>
  "$NGINX" -t -q -p "$WORK" -e "$WORK/$1-error.log" -c "$WORK/$1.conf" >&2 || die "nginx rejected $WORK/$1.conf"
  "$NGINX" -p "$WORK" -e "$WORK/$1-error.log" -c "$WORK/$1.conf" >>"$WORK/$1-error.log" 2>&1 &
  PIDS+=($!)
}
start_nginx upstream
start_nginx nginx

# --- Kafka for the access events --------------------------------------------------------------------
# The node as deployed sends one access event per request to Kafka (idempotent producer, batched,
# lz4). Without BENCH_KAFKA the script starts a broker with the project's own runtime (the same one
# the tests use), on random loopback ports, with its data in the temporary folder.
if [ "$KAFKA" = none ]; then
  KAFKA=127.0.0.1:1
  log "Kafka at a closed port (BENCH_KAFKA=none): access events go to the node's disk spool"
elif [ -z "$KAFKA" ]; then
  log "starting a Kafka broker for the access events (./tollgate services --only kafka)"
  mkdir -p "$WORK/kafka-home"
  (cd "$ROOT" && TOLLGATE_HOME="$WORK/kafka-home" exec ./tollgate services --random-ports --only kafka) \
    >"$WORK/kafka-runtime.log" 2>&1 &
  KAFKA_RUNTIME_PID=$!
  kafka_ready() {
    kill -0 "$KAFKA_RUNTIME_PID" 2>/dev/null || { tail -n 20 "$WORK/kafka-runtime.log" >&2; die "the Kafka runtime exited"; }
    [ -f "$WORK/kafka-home/services.properties" ]
  }
  wait_for 300 "Kafka (deploy/runtime)" kafka_ready
  KAFKA=$(sed -n 's/^kafka.bootstrap-servers=//p' "$WORK/kafka-home/services.properties" | tr -d '\\')
  [ -n "$KAFKA" ] || die "no Kafka address in $WORK/kafka-home/services.properties"
  log "Kafka ready at $KAFKA"
fi

# --- Tollgate: the last known good configuration on disk ---------------------------------------
# The node serves config.state at once (LastKnownGood.java) and keeps serving it while its
# configuration topic is not there: the bench names a topic that does not exist (the broker creates
# none on demand), so the saved configuration below is what it serves, whichever Kafka takes the
# events. The saved state's format: header line
# `tollgate-config v1 <version> <publishedAt>`, then `<key> <base64 of the record JSON>` per record.
# One tenant, one deployment with one HTTP_PROXY route `ANY /{proxy+}` and no policies (no
# authorization, validation, throttling, cache, CORS), one stage `prod`. For the `keyed` target a
# second route `ANY /keyed/{proxy+}` needs an API key; the key's usage plan covers the stage with a
# throttle of a million requests a second (and a stage throttle for the plan's keys as high).
KEY_VALUE=bench-api-key-0123456789abcdef
KEY_SHA256=$(printf '%s' "$KEY_VALUE" | sha256sum | cut -d' ' -f1)
b64() { printf '%s' "$1" | base64 -w0; }
TENANT_JSON='{"id":"t-bench","revision":1,"status":"ACTIVE"}'
DEPLOYMENT_JSON=$(cat <<EOF | tr -d '\n '
{"id":"d-bench","tenantId":"t-bench","revision":2,"apiId":"$API_ID","number":1,"apiKind":"HTTP",
 "routes":[{"id":"r-proxy","method":"ANY","path":"/{proxy+}",
   "authorization":{"type":"NONE","apiKeyRequired":false},
   "integration":{"type":"HTTP_PROXY","uri":"http://127.0.0.1:$UPSTREAM_PORT/{proxy+}","timeoutMillis":29000}},
  {"id":"r-keyed","method":"ANY","path":"/keyed/{proxy+}",
   "authorization":{"type":"API_KEY","apiKeyRequired":true},
   "integration":{"type":"HTTP_PROXY","uri":"http://127.0.0.1:$UPSTREAM_PORT/{proxy+}","timeoutMillis":29000}}]}
EOF
)
HIGH='{"rateLimit":1000000,"burstLimit":1000000}'
PLAN_JSON="{\"id\":\"p-bench\",\"tenantId\":\"t-bench\",\"revision\":4,\"throttle\":$HIGH,\"stages\":[{\"apiId\":\"$API_ID\",\"stage\":\"$STAGE\",\"throttle\":$HIGH}]}"
KEY_JSON="{\"id\":\"k-bench\",\"tenantId\":\"t-bench\",\"revision\":5,\"sha256\":\"$KEY_SHA256\",\"enabled\":true,\"usagePlanIds\":[\"p-bench\"]}"
# with BENCH_INFINISPAN: a second stage of the same deployment with the response cache on
CACHED_STAGE_JSON="{\"id\":\"s-bench-cached\",\"tenantId\":\"t-bench\",\"revision\":4,\"apiId\":\"$API_ID\",\"name\":\"$CACHED_STAGE\",\"deploymentId\":\"d-bench\",\"accessLogging\":false,\"cache\":{\"enabled\":true,\"ttlSeconds\":3600,\"keyParameters\":[]}}"
STAGE_JSON="{\"id\":\"s-bench\",\"tenantId\":\"t-bench\",\"revision\":3,\"apiId\":\"$API_ID\",\"name\":\"$STAGE\",\"deploymentId\":\"d-bench\",\"accessLogging\":false}"
{
  echo "tollgate-config v1 5 $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "api-key:k-bench $(b64 "$KEY_JSON")"
  echo "deployment:d-bench $(b64 "$DEPLOYMENT_JSON")"
  echo "stage:s-bench $(b64 "$STAGE_JSON")"
  [ -z "$CACHE_HOSTS" ] || echo "stage:s-bench-cached $(b64 "$CACHED_STAGE_JSON")"
  echo "tenant:t-bench $(b64 "$TENANT_JSON")"
  echo "usage-plan:p-bench $(b64 "$PLAN_JSON")"
} > "$WORK/tollgate-state/config.state"

# Tuning, all of it ordinary deployment settings:
#  - quarkus.vertx.event-loops-pool-size / quarkus.http.io-threads = BENCH_WORKERS: the same number of
#    request-serving threads as nginx has worker processes;
#  - a fixed heap (no resizing during the run) and the throughput collector by default, and Netty's
#    Unsafe buffer access without JDK 24+'s per-access check: the settings we ship (docs/gateway-node.md);
#  - Kafka for the access events as above; the configuration topic does not exist, so the node
#    serves the saved configuration and looks for the topic again every 2 s in the background (its
#    client's warnings about it are silenced: they are the set-up's, not the request path's);
#    Infinispan at BENCH_INFINISPAN, by default a closed port (the keyed route's
#    throttle then runs on the node's share, which costs a request the same as a lease).
# shellcheck disable=SC2086
"$JAVA" -Xms"$HEAP" -Xmx"$HEAP" $JAVA_OPTS_EXTRA \
  -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.http.port="$TOLLGATE_PORT" \
  -Dtollgate.gateway.http.dedicated-port="$TOLLGATE_TRAFFIC_PORT" \
  -Dquarkus.vertx.event-loops-pool-size="$WORKERS" \
  -Dquarkus.http.io-threads="$WORKERS" \
  -Dkafka.bootstrap.servers="$KAFKA" \
  -Dtollgate.config.topic=tollgate-bench-no-such-topic \
  -Dtollgate.config.state-directory="$WORK/tollgate-state" \
  -Dtollgate.events.spool.directory="$WORK/tollgate-spool" \
  -Dquarkus.infinispan-client.hosts="${CACHE_HOSTS:-$INFINISPAN}" \
  -Dquarkus.log.category.\"org.apache.kafka\".level=ERROR \
  -jar "$RUN_JAR" >"$WORK/tollgate.log" 2>&1 &
TOLLGATE_PID=$!
PIDS+=("$TOLLGATE_PID")

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$@" || true; }
answers_200() { [ "$(http_code "$@")" = 200 ]; }
wait_for 20 "upstream nginx" answers_200 "http://127.0.0.1:$UPSTREAM_PORT$REQUEST_PATH"
wait_for 20 "nginx reverse proxy" answers_200 "http://127.0.0.1:$NGINX_PORT/$STAGE$REQUEST_PATH"
tollgate_ready() {
  kill -0 "$TOLLGATE_PID" 2>/dev/null || { tail -n 40 "$WORK/tollgate.log" >&2; die "the gateway node exited"; }
  answers_200 "http://127.0.0.1:$TOLLGATE_PORT/q/health/ready"
}
wait_for 90 "Tollgate (/q/health/ready)" tollgate_ready
READY=$(curl -s --max-time 2 "http://127.0.0.1:$TOLLGATE_PORT/q/health/ready" | tr -d '\n ')
[[ $READY == *'"source":"DISK"'* ]] || die "Tollgate is ready but not from the saved configuration: $READY"
log "Tollgate ready from the saved configuration: $READY"
BODY=$(curl -s --max-time 2 -w ' %{http_code}' -H "Host: $GATEWAY_HOST" "http://127.0.0.1:$TOLLGATE_TRAFFIC_PORT/$STAGE$REQUEST_PATH" || true)
[ "$BODY" = "ok 200" ] || die "a request through Tollgate answered '$BODY', expected 'ok 200' (see $WORK/tollgate.log)"
BODY=$(curl -s --max-time 2 -w ' %{http_code}' -H "Host: $GATEWAY_HOST" -H "x-api-key: $KEY_VALUE" \
  "http://127.0.0.1:$TOLLGATE_TRAFFIC_PORT/$STAGE/keyed$REQUEST_PATH" || true)
[ "$BODY" = "ok 200" ] || die "a request on Tollgate's keyed route answered '$BODY', expected 'ok 200' (see $WORK/tollgate.log)"
BODY=$(curl -s --max-time 2 -w ' %{http_code}' "http://127.0.0.1:$NGINX_PORT/$STAGE$REQUEST_PATH" || true)
[ "$BODY" = "ok 200" ] || die "a request through nginx answered '$BODY', expected 'ok 200'"
if [ -n "$CACHE_HOSTS" ]; then
  cache_hit() {
    curl -s -o /dev/null -D - --max-time 2 -H "Host: $GATEWAY_HOST" \
      "http://127.0.0.1:$TOLLGATE_TRAFFIC_PORT/$CACHED_STAGE$REQUEST_PATH" | grep -qi '^x-tollgate-cache: HIT'
  }
  wait_for 60 "Tollgate's response cache (x-tollgate-cache: HIT from $CACHE_HOSTS)" cache_hit
fi

# --- measuring ------------------------------------------------------------------------------------
TARGETS=(direct nginx tollgate keyed)
[ -z "$CACHE_HOSTS" ] || TARGETS+=(cached)
target_args() { # the wrk arguments of a target, one per line (wrk wants "Name: value" headers)
  case $1 in
    direct) printf '%s\n' "http://127.0.0.1:$UPSTREAM_PORT$REQUEST_PATH" ;;
    nginx) printf '%s\n' "http://127.0.0.1:$NGINX_PORT/$STAGE$REQUEST_PATH" ;;
    tollgate) printf '%s\n' -H "Host: $GATEWAY_HOST" "http://127.0.0.1:$TOLLGATE_TRAFFIC_PORT/$STAGE$REQUEST_PATH" ;;
    keyed) printf '%s\n' -H "Host: $GATEWAY_HOST" -H "x-api-key: $KEY_VALUE" \
      "http://127.0.0.1:$TOLLGATE_TRAFFIC_PORT/$STAGE/keyed$REQUEST_PATH" ;;
    cached) printf '%s\n' -H "Host: $GATEWAY_HOST" "http://127.0.0.1:$TOLLGATE_TRAFFIC_PORT/$CACHED_STAGE$REQUEST_PATH" ;;
  esac
}
to_ms() { # wrk prints 812.00us, 1.23ms, 2.01s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
run_wrk() { # run_wrk <target> <seconds> <output file>
  local args
  mapfile -t args < <(target_args "$1")
  timeout $(( $2 + 30 )) wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$2s" --timeout 5s --latency "${args[@]}" >"$3" 2>&1 \
    || die "wrk against $1 failed: $(tail -n 5 "$3")"
}
parse_wrk() { # prints: req/s p50_ms p99_ms errors
  local file=$1 rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$file")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$file")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$file")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$file")
  [ -n "$rps" ] || die "could not read wrk's output $file"
  echo "$rps $p50 $p99 $errors"
}

# CPU spent per request by the server under test, from /proc (user and system time, the kernel's
# socket work included): nginx's worker processes, or the whole Tollgate JVM (event loop, access-event
# spooler, Kafka's client, GC, JIT) and its event loop alone. Throughput on a shared 2-core machine
# moves with the neighbours; the CPU one request costs moves much less, and says where a gap comes from.
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { # cpu_ticks <proc path...>: user and system ticks summed (a process /proc/P or a thread /proc/P/task/T)
  local user=0 sys=0 path u s
  for path in "$@"; do
    read -r u s < <(sed 's/.*) //' "$path/stat" | awk '{ print $12, $13 }') || continue
    user=$(( user + u )); sys=$(( sys + s ))
  done
  echo "$user $sys"
}
server_paths() { # the processes that serve a target (not the upstream's, not wrk's)
  local master
  case $1 in
    direct) master=$(cat "$WORK/upstream.pid") ;;
    nginx) master=$(cat "$WORK/nginx.pid") ;;
    *) echo "/proc/$TOLLGATE_PID"; return ;;
  esac
  for pid in $(pgrep -P "$master"); do echo "/proc/$pid"; done
}
served_by_nginx() { [ "$1" = direct ] || [ "$1" = nginx ]; } # the other targets are Tollgate's
event_loop_paths() { # Tollgate's Vert.x event-loop threads
  local task
  for task in /proc/"$TOLLGATE_PID"/task/*; do
    [[ $(cat "$task/comm" 2>/dev/null) == vert.x-eventloo* ]] && echo "$task"
  done
}
per_request_us() { # per_request_us <ticks before> <ticks after> <requests>: µs of CPU per request
  awk -v a="$1" -v b="$2" -v n="$3" -v hz="$CLK_TCK" 'BEGIN { if (n > 0) printf "%.1f", (b - a) * 1e6 / hz / n; else print 0 }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# Warm-up, not recorded. The JVM compiles its hot paths (JIT) during the first tens of seconds
# under load; until then Tollgate runs interpreted and is several times slower. The figures are
# meant to be the steady state, so Tollgate gets a longer warm-up; nginx needs none to speak of.
for target in "${TARGETS[@]}"; do
  seconds=$WARMUP
  [ "$target" = tollgate ] || [ "$target" = keyed ] && seconds=$TOLLGATE_WARMUP
  (( seconds > 0 )) || continue
  run_wrk "$target" "$seconds" "$WORK/warmup-$target.txt"
  read -r rps _ p99 errors <<<"$(parse_wrk "$WORK/warmup-$target.txt")"
  log "warm-up  $(printf '%-8s %10.0f req/s  (%ss, not recorded)' "$target" "$rps" "$seconds")"
done
declare -A RESULTS=() CPU=()
for (( round = 1; round <= ROUNDS; round++ )); do
  for target in "${TARGETS[@]}"; do
    mapfile -t server < <(server_paths "$target")
    mapfile -t loops < <(served_by_nginx "$target" || event_loop_paths)
    read -r user_before sys_before <<<"$(cpu_ticks "${server[@]}")"
    read -r loop_user_before loop_sys_before <<<"$(cpu_ticks "${loops[@]}")"
    run_wrk "$target" "$DURATION" "$WORK/round$round-$target.txt"
    read -r user_after sys_after <<<"$(cpu_ticks "${server[@]}")"
    read -r loop_user_after loop_sys_after <<<"$(cpu_ticks "${loops[@]}")"
    requests=$(awk '/requests in/ { print $1 }' "$WORK/round$round-$target.txt")
    CPU[$round,$target]="$(per_request_us "$user_before" "$user_after" "$requests") $(per_request_us "$sys_before" "$sys_after" "$requests")\
 $(per_request_us "$(( loop_user_before + loop_sys_before ))" "$(( loop_user_after + loop_sys_after ))" "$requests")"
    RESULTS[$round,$target]=$(parse_wrk "$WORK/round$round-$target.txt")
    read -r rps p50 p99 errors <<<"${RESULTS[$round,$target]}"
    log "round $round/$ROUNDS $(printf '%-8s %10.0f req/s  p50 %7.3f ms  p99 %7.3f ms  errors %s' "$target" "$rps" "$p50" "$p99" "$errors")"
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report ---------------------------------------------------------------------------------------
median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
medians() { # medians <per-round array> <columns> <medians array>: per target and column, the median over the rounds
  local -n per_round=$1 into=$3
  local target column round values
  for target in "${TARGETS[@]}"; do
    for (( column = 1; column <= $2; column++ )); do
      values=""
      for (( round = 1; round <= ROUNDS; round++ )); do
        values+="$(cut -d' ' -f"$column" <<<"${per_round[$round,$target]}") "
      done
      into[$target,$column]=$(printf '%s' "${values% }" | median)
    done
  done
}
declare -A MEDIAN=() CPU_MEDIAN=()
medians RESULTS 4 MEDIAN # req/s, p50, p99, errors
medians CPU 3 CPU_MEDIAN # user, system, event loop (µs per request)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo
echo "Tollgate (plain and keyed route) vs nginx vs direct — $ROUNDS round(s) x ${DURATION}s, interleaved, medians over rounds"
echo "wrk -t$WRK_THREADS -c$CONNECTIONS; workers: nginx $WORKERS, Tollgate event loops $WORKERS; upstream nginx $UPSTREAM_WORKERS worker(s); $(nproc) CPUs"
echo
printf '%-10s %12s %10s %10s %8s\n' target "req/s" "p50 ms" "p99 ms" errors
for target in "${TARGETS[@]}"; do
  printf '%-10s %12.0f %10.3f %10.3f %8.0f\n' "$target" "${MEDIAN[$target,1]}" "${MEDIAN[$target,2]}" "${MEDIAN[$target,3]}" "${MEDIAN[$target,4]}"
done
echo
printf '%-20s %8s %8s %8s\n' ratio "req/s" "p50" "p99"
for base in direct nginx; do
  printf '%-20s %8s %8s %8s\n' "tollgate ÷ $base" \
    "$(ratio "${MEDIAN[tollgate,1]}" "${MEDIAN[$base,1]}")" \
    "$(ratio "${MEDIAN[tollgate,2]}" "${MEDIAN[$base,2]}")" \
    "$(ratio "${MEDIAN[tollgate,3]}" "${MEDIAN[$base,3]}")"
done
printf '%-20s %8s %8s %8s   (API key + usage-plan throttle; target >= 0.90)\n' "keyed ÷ tollgate" \
  "$(ratio "${MEDIAN[keyed,1]}" "${MEDIAN[tollgate,1]}")" \
  "$(ratio "${MEDIAN[keyed,2]}" "${MEDIAN[tollgate,2]}")" \
  "$(ratio "${MEDIAN[keyed,3]}" "${MEDIAN[tollgate,3]}")"
if [ -n "$CACHE_HOSTS" ]; then
  printf '%-20s %8s %8s %8s\n' "cached ÷ tollgate" \
    "$(ratio "${MEDIAN[cached,1]}" "${MEDIAN[tollgate,1]}")" \
    "$(ratio "${MEDIAN[cached,2]}" "${MEDIAN[tollgate,2]}")" \
    "$(ratio "${MEDIAN[cached,3]}" "${MEDIAN[tollgate,3]}")"
  echo "cached = Tollgate answering from the shared response cache (Infinispan $CACHE_HOSTS); tollgate = proxied to the upstream."
fi
echo
echo "CPU per request of the server under test (µs, medians; from /proc: user + system, the kernel's socket work included)"
printf '%-10s %8s %8s %8s %12s\n' target user system total "event loop"
for target in "${TARGETS[@]}"; do
  loop=$(printf '%.1f' "${CPU_MEDIAN[$target,3]}")
  served_by_nginx "$target" && loop="-"
  printf '%-10s %8.1f %8.1f %8.1f %12s\n' "$target" "${CPU_MEDIAN[$target,1]}" "${CPU_MEDIAN[$target,2]}" \
    "$(awk -v u="${CPU_MEDIAN[$target,1]}" -v s="${CPU_MEDIAN[$target,2]}" 'BEGIN { print u + s }')" "$loop"
done
echo "direct and nginx: their worker processes; Tollgate: the whole JVM (every thread), and its event loop alone."
echo
echo "access events: $([ "$KAFKA" = 127.0.0.1:1 ] && echo "disk spool (BENCH_KAFKA=none)" || echo "Kafka $KAFKA")"
echo "load average (1/5/15 min) before: $LOAD_BEFORE   after: $LOAD_AFTER"
echo "req/s ratio above 1 = Tollgate serves more; latency ratio below 1 = Tollgate answers faster."
for target in "${TARGETS[@]}"; do
  if [ "${MEDIAN[$target,4]%.*}" != 0 ]; then
    echo "WARNING: $target answered errors (non-2xx or socket errors); its figures are not comparable."
  fi
done
