#!/usr/bin/env bash
# CaseClock benchmark: the whole system, side by side with the raw limits of the same broker, database and machine.
#
#   bench/run.sh            full run (20,000 entries, longer steps)
#   bench/run.sh --quick    quick run (1,000 entries, short steps, 20 matters per sandbox account; scenarios 5 and 6
#                           on the stack itself with 20,000 matters; aimed at under 5 minutes on the 2-core machine)
#   bench/run.sh --only 1,4 run only these scenarios of the load process (1 pipeline, 2 throttled, 3 matter change,
#                           4 time-entry API); baselines and footprint always run
#   bench/run.sh --help
#
# It starts its own stack with ./run-local.sh (own state folder bench/results/stack, own ports, own databases
# caseclock_bench_*, started empty), measures the baselines (Kafka's ProducerPerformance/ConsumerPerformance against
# the stack's broker, pgbench single-row INSERTs against the same PostgreSQL, a no-op HTTP server driven by the same
# load tool), runs the scenarios from a separate load process (bench/pipeline, a Java driver: fixed-rate HTTP load
# with HdrHistogram, coordinated-omission safe), samples each service's start-to-ready time and resident memory, then
# prints one table (scenario, figure, value, unit, baseline, ratio) and writes it to bench/results/latest.json.
# Everything it starts is stopped on exit (also on Ctrl-C). See docs/performance.md ("Whole system").
#
# Environment: BENCH_PORT_BASE (default 18100: services on +80..+82, sandbox +90, Kafka +92/+93, no-op HTTP +70),
# BENCH_STATE (state folder, default bench/results/stack), BENCH_DB_PREFIX (default caseclock_bench_),
# BENCH_ENTRIES (scenario 1 entries), SKIP_POLLING=1 (leave out scenario 3's polling-only half), BENCH_MATTER_CACHE=0
# (without scenarios 5 and 6; in full mode they run bench/matter-cache/run.sh, which uses ports +94/+95/+71 and the
# database mc_bench),
# PGHOST/PGPORT/PGUSER.
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MODE=full
ONLY=1,4,3,2
while (($#)); do
  case "$1" in
    --quick) MODE=quick ;;
    --only)
      [[ $# -ge 2 && $2 =~ ^[1-4](,[1-4])*$ ]] || { echo "--only needs scenario numbers 1-4, e.g. --only 1,4" >&2; exit 2; }
      ONLY=$2; shift ;;
    -h|--help) sed -n '2,/^set -E/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

T0=$(date +%s)
RESULTS="$ROOT/bench/results"
WORK="$RESULTS/work"
STATE=${BENCH_STATE:-$RESULTS/stack}
BASE=${BENCH_PORT_BASE:-18100}
export TIMEENTRY_PORT=$((BASE + 80)) MATTER_CACHE_PORT=$((BASE + 81)) CONNECTOR_PORT=$((BASE + 82))
export SANDBOX_PORT=$((BASE + 90)) KAFKA_PORT=$((BASE + 92)) KAFKA_CONTROLLER_PORT=$((BASE + 93))
export CASECLOCK_LOCAL_DIR=$STATE CASECLOCK_DB_PREFIX=${BENCH_DB_PREFIX:-caseclock_bench_}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS="${PGOPTIONS:+$PGOPTIONS }-c client_min_messages=warning" # no NOTICE lines from psql
NOOP_PORT=$((BASE + 70))
PG_DB="${CASECLOCK_DB_PREFIX}pgbench"
SERVICES=(timeentry-service matter-cache-service clio-connector)

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { log "$*" >&2; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK" "$STATE"
FACTS="$WORK/facts.properties"
ROWS="$WORK/rows.jsonl"
PHASE="$WORK/phase"
: >"$FACTS"
: >"$ROWS"
echo "start" >"$PHASE"
fact() { printf '%s=%s\n' "$1" "$2" >>"$FACTS"; }

# --- what ran where ------------------------------------------------------------------------------------------------
load_avg() { uptime | sed 's/.*load average: //'; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
pgver=$(psql -Atqc 'show server_version' postgres 2>/dev/null || echo '?')
jver=$(java -version 2>&1 | head -n 1)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
if [[ -n $(git status --porcelain 2>/dev/null | head -n 1) ]]; then commit="$commit + working tree"; fi
fact run.mode "$MODE"
fact run.date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
fact run.commit "$commit"
fact run.machine "$(nproc) CPUs ($cpu), $mem RAM, PostgreSQL $pgver, $jver"
fact run.load.before "$(load_avg)"
log "$MODE run; load average $(load_avg)"

# --- the load process (bench/pipeline) -----------------------------------------------------------------------------
CP_FILE="$RESULTS/pipeline.classpath"
if [[ ! -s $CP_FILE || bench/pipeline/pom.xml -nt $CP_FILE ]]; then
  log "resolving the load process's classpath (bench/pipeline/pom.xml)"
  ./mvnw -q -f bench/pipeline/pom.xml dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$CP_FILE" || die "could not resolve bench/pipeline/pom.xml"
fi
javac -nowarn -d "$WORK/classes" -cp "$(cat "$CP_FILE")" $(find bench/pipeline/src/main/java -name '*.java') \
  || die "could not compile bench/pipeline"
DRIVER_CP="$WORK/classes:$(cat "$CP_FILE")"

# --- the stack, exactly as ./run-local.sh starts it (own ports, state folder and databases; from empty) ---------------
STACK_PID=""
SAMPLER_PID=""
stop_pid() { if [[ -n $1 ]]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; return 0; }
NOOP_PID=""
cleanup() {
  local rc=$?
  set +e
  trap '' INT TERM
  stop_pid "$NOOP_PID"
  stop_pid "$SAMPLER_PID"
  if [[ -n $STACK_PID ]] && kill -0 "$STACK_PID" 2>/dev/null; then
    log "stopping the stack"
    kill -TERM "$STACK_PID" 2>/dev/null
    wait "$STACK_PID" 2>/dev/null
  fi
  psql -Atqc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" postgres >/dev/null 2>&1
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The sandbox gets a seed of 20 Clio accounts (the two demo firms and account-03 ... account-20), so every benchmark
# firm has a Clio account of its own, as in production (one webhook per change, its own rate-limit budget). Full mode:
# 160 matters per account (the demo seed's size); --quick: 20, so the 20 first backfills take seconds.
SEED_MATTERS=$([[ $MODE == quick ]] && echo 20 || echo 160)
SANDBOX_JAR=clio-sandbox/target/clio-sandbox-0.1.0-SNAPSHOT.jar
[[ -f $SANDBOX_JAR ]] || ./mvnw -q package -DskipTests -pl events,clio-sandbox -am || die "could not build the sandbox"
SANDBOX_CP_FILE="$RESULTS/sandbox.classpath"
if [[ ! -s $SANDBOX_CP_FILE || clio-sandbox/pom.xml -nt $SANDBOX_CP_FILE ]]; then
  ./mvnw -q -pl clio-sandbox dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$SANDBOX_CP_FILE" || die "could not resolve clio-sandbox's dependencies"
fi
java -cp "$SANDBOX_JAR:$(cat "$SANDBOX_CP_FILE")" com.caseclock.cliosandbox.seed.SeedGenerator \
  --matters "$SEED_MATTERS" --accounts 20 --out "$WORK/sandbox-seed.json" >/dev/null \
  || die "could not write the sandbox seed"
export SANDBOX_SEED="$WORK/sandbox-seed.json"
fact run.sandbox.seed "SeedGenerator --accounts 20 --matters $SEED_MATTERS (20 Clio accounts, one per benchmark firm)"

log "starting the stack: ./run-local.sh --reset (state $STATE, ports $TIMEENTRY_PORT-$CONNECTOR_PORT, $SANDBOX_PORT, Kafka $KAFKA_PORT, databases ${CASECLOCK_DB_PREFIX}*)"
rm -f "$STATE/stack.env"
./run-local.sh --reset >"$WORK/run-local.log" 2>&1 &
STACK_PID=$!

# Start-to-ready of each service: from the process's start (/proc/PID/stat) to the first 200 of /q/health/ready.
declare -A READY=()
declare -A PORT_OF=([timeentry-service]=$TIMEENTRY_PORT [matter-cache-service]=$MATTER_CACHE_PORT [clio-connector]=$CONNECTOR_PORT)
declare -A SVC_PID=()
ticks=$(getconf CLK_TCK)
age_of() { # pid -> seconds since it started, 2 decimals
  local start up
  start=$(awk '{print $22}' "/proc/$1/stat" 2>/dev/null) || return 1
  up=$(awk '{print $1}' /proc/uptime)
  awk -v u="$up" -v s="$start" -v t="$ticks" 'BEGIN {printf "%.2f", u - s / t}'
}
deadline=$(( $(date +%s) + 900 ))
until [[ -f $STATE/stack.env ]]; do
  kill -0 "$STACK_PID" 2>/dev/null || { tail -n 30 "$WORK/run-local.log" >&2; die "./run-local.sh stopped (log: $WORK/run-local.log)"; }
  (( $(date +%s) < deadline )) || die "the stack was not ready after 900 s (log: $WORK/run-local.log)"
  if [[ -f $STATE/pids ]]; then
    for s in "${SERVICES[@]}"; do
      [[ -n ${READY[$s]:-} ]] && continue
      pid=$(awk -v n="$s" '$1 == n {p = $2} END {print p}' "$STATE/pids")
      [[ -n $pid ]] || continue
      SVC_PID[$s]=$pid
      if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:${PORT_OF[$s]}/q/health/ready" 2>/dev/null; then
        READY[$s]=$(age_of "$pid") || true
      fi
    done
  fi
  sleep 0.2
done
# shellcheck disable=SC1091
source "$STATE/stack.env"
for s in "${SERVICES[@]}"; do
  SVC_PID[$s]=$(awk -v n="$s" '$1 == n {p = $2} END {print p}' "$STATE/pids")
  if [[ -n ${READY[$s]:-} ]]; then fact "s7.$s.ready" "${READY[$s]}"; fi
done
log "stack ready ($(( $(date +%s) - T0 )) s since start of bench/run.sh); start to ready: $(for s in "${SERVICES[@]}"; do printf '%s %ss  ' "$s" "${READY[$s]:-?}"; done)"

rss_mib() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status" 2>/dev/null; }
sleep 5
for s in "${SERVICES[@]}"; do fact "s7.$s.rss.idle" "$(rss_mib "${SVC_PID[$s]}")"; done

# Resident memory under scenario 1: the load process writes the running phase to $PHASE; keep the peak of phase s1.
(
  declare -A peak=()
  while sleep 0.5; do
    [[ $(cat "$PHASE" 2>/dev/null) == s1 ]] || continue
    for s in "${SERVICES[@]}"; do
      r=$(rss_mib "${SVC_PID[$s]}") || continue
      [[ -n $r ]] || continue
      if [[ -z ${peak[$s]:-} ]] || awk -v a="$r" -v b="${peak[$s]}" 'BEGIN {exit !(a > b)}'; then
        peak[$s]=$r
        echo "$s $r" >>"$WORK/rss-s1.samples"
      fi
    done
  done
) &
SAMPLER_PID=$!

# --- baseline: raw Kafka producer -> consumer on the stack's broker (Kafka's own perf tools, same Maven artifacts) ----
TOOLS_CP=$(cat "$STATE/tools.classpath")
KAFKA_RECORDS=$([[ $MODE == quick ]] && echo 100000 || echo 1000000)
kjava() { java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TOOLS_CP" "$@"; }
log "baseline: Kafka ProducerPerformance / ConsumerPerformance, $KAFKA_RECORDS records of 1 KiB, acks=all"
if kjava org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create \
     --topic bench.raw-throughput --partitions 3 --replication-factor 1 >"$WORK/kafka-topic.log" 2>&1 \
   && kjava org.apache.kafka.tools.ProducerPerformance --topic bench.raw-throughput --num-records "$KAFKA_RECORDS" \
     --record-size 1024 --throughput -1 --producer-props "bootstrap.servers=127.0.0.1:$KAFKA_PORT" acks=all \
     linger.ms=5 >"$WORK/kafka-producer.log" 2>&1 \
   && kjava org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
     --topic bench.raw-throughput --messages "$KAFKA_RECORDS" --timeout 60000 >"$WORK/kafka-consumer.log" 2>&1; then
  prod=$(grep 'records sent' "$WORK/kafka-producer.log" | tail -n 1 | sed -E 's/.*records sent, ([0-9.]+) records\/sec.*/\1/')
  cons=$(awk -F', *' '/nMsg.sec/ {for (i = 1; i <= NF; i++) if ($i == "nMsg.sec") c = i; next} c && NF >= c && $c ~ /^[0-9.]+$/ {v = $c} END {print v}' "$WORK/kafka-consumer.log")
  fact base.kafka.producer "$prod"
  fact base.kafka.consumer "$cons"
  fact note.base.kafka.producer "ProducerPerformance, $KAFKA_RECORDS records, 3 partitions, acks=all, linger.ms=5"
  fact note.base.kafka.consumer "ConsumerPerformance nMsg.sec (includes the group join), same $KAFKA_RECORDS records"
else
  fact why.base.kafka.producer "Kafka perf tools failed (see bench/results/work/kafka-*.log)"
  fact why.base.kafka.consumer "Kafka perf tools failed (see bench/results/work/kafka-*.log)"
fi

# --- baseline: raw single-row INSERTs of the same PostgreSQL (pgbench, custom script) -------------------------------
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -n 1 || true)
PG_SECONDS=$([[ $MODE == quick ]] && echo 5 || echo 30)
if [[ -n $PGBENCH ]]; then
  log "baseline: pgbench, one single-row INSERT per transaction, 8 clients, $PG_SECONDS s"
  psql -Atqc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" postgres >/dev/null
  createdb "$PG_DB"
  psql -Atq -d "$PG_DB" -c "CREATE TABLE raw_insert (id bigserial PRIMARY KEY, firm_id text NOT NULL,
      duration_seconds int NOT NULL, note text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
  cat >"$WORK/insert.sql" <<'EOF'
\set firm random(1, 20)
\set seconds random(60, 28800)
INSERT INTO raw_insert (firm_id, duration_seconds, note) VALUES ('bench-' || :firm, :seconds, 'raw insert');
EOF
  if "$PGBENCH" -n -c 8 -j 2 -T "$PG_SECONDS" -f "$WORK/insert.sql" "$PG_DB" >"$WORK/pgbench.log" 2>&1; then
    fact base.pg.insert "$(grep -m1 '^tps' "$WORK/pgbench.log" | sed -E 's/tps = ([0-9.]+).*/\1/')"
    fact note.base.pg.insert "pgbench -c 8 -j 2 -T $PG_SECONDS, autocommit INSERT of one row (bigserial key, 3 columns)"
  else
    fact why.base.pg.insert "pgbench failed (see bench/results/work/pgbench.log)"
  fi
  psql -Atqc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" postgres >/dev/null
else
  fact why.base.pg.insert "pgbench not installed (Debian/Ubuntu: it ships with the server package, sudo apt-get install postgresql)"
  log "pgbench not found: raw PostgreSQL baseline not measured (Debian/Ubuntu: sudo apt-get install postgresql)"
fi

# --- baseline: a no-op HTTP endpoint on this machine, driven by the same fixed-rate load tool ------------------------
log "baseline: no-op HTTP server (Vert.x), fixed-rate ladder"
java -Xmx256m -cp "$DRIVER_CP" com.caseclock.bench.pipeline.BenchMain noop-server "$NOOP_PORT" >"$WORK/noop.log" 2>&1 &
NOOP_PID=$!
for _ in $(seq 1 100); do grep -q ready "$WORK/noop.log" 2>/dev/null && break; sleep 0.1; done
if [[ $MODE == quick ]]; then NOOP_RATES=4000,16000; STEP=4; WARM=2
else NOOP_RATES=500,1000,2000,4000,8000,16000,32000; STEP=20; WARM=10; fi
java -Xmx512m -cp "$DRIVER_CP" com.caseclock.bench.pipeline.BenchMain noop-ladder "http://127.0.0.1:$NOOP_PORT" \
  "$ROWS" "$NOOP_RATES" "$STEP" "$WARM" || fact why.base.http.noop "the no-op ladder failed"
stop_pid "$NOOP_PID"; NOOP_PID=""

# --- the scenarios, from the separate load process ---------------------------------------------------------------
fact run.load.scenarios "$(load_avg)"
log "scenarios $ONLY ($MODE) from the load process; load average $(load_avg)"
args=(scenarios --env "$STATE/stack.env" --key "$STATE/secrets/jwt-private.pem" --issuer "$CASECLOCK_JWT_ISSUER"
  --rows "$ROWS" --phase "$PHASE" --only "$ONLY")
if [[ $MODE == quick ]]; then args+=(--quick); fi
if [[ -n ${BENCH_ENTRIES:-} ]]; then args+=(--entries "$BENCH_ENTRIES"); fi
if [[ ${SKIP_POLLING:-0} == 1 ]]; then args+=(--skip-polling "left out (SKIP_POLLING=1)"); fi
java -Xmx768m -cp "$DRIVER_CP:$STATE/helpers" com.caseclock.bench.pipeline.BenchMain "${args[@]}" \
  || log "the load process ended with an error (figures measured so far are kept)"

# --- scenarios 5 and 6 in --quick: on the stack's own broker and matter-cache-service --------------------------------
# 20,000 matter snapshots of a new firm go onto the stack's compacted matter topic (bench/matter-cache Seeder); once
# the service has them, support's rebuild (POST /api/v1/admin/rebuild: projections wiped, consumers back to the start
# of the compacted topics) is timed (scenario 6, every matter of the topic, first to last commit), then searched in
# that firm at 100 searches/s, open loop (scenario 5). Full mode runs bench/matter-cache/run.sh at 100,000 instead.
MC_CP_FILE="$RESULTS/matter-cache-bench.classpath"
mc_load_tool() { # compiles bench/matter-cache (Seeder, SearchLoad) into $WORK/mc-classes
  [[ -d ~/.m2/repository/com/caseclock/events ]] || ./mvnw -q install -DskipTests -pl events -am || return 1
  if [[ ! -s $MC_CP_FILE || bench/matter-cache/pom.xml -nt $MC_CP_FILE ]]; then
    ./mvnw -q -f bench/matter-cache/pom.xml org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile="$MC_CP_FILE" || return 1
  fi
  rm -rf "$WORK/mc-classes" && mkdir -p "$WORK/mc-classes"
  javac -nowarn -d "$WORK/mc-classes" -cp "$(cat "$MC_CP_FILE")" $(find bench/matter-cache/src/main/java -name '*.java')
}
mc_count() { psql -Atq -d "${CASECLOCK_DB_PREFIX}matter_cache" -c "SELECT count(*) FROM matter $1"; }
quick_matter_cache() {
  local n=20000 firm="bench-search-$(date +%s)" cp total since deadline
  mc_load_tool || { echo "could not build bench/matter-cache"; return 1; }
  cp="$WORK/mc-classes:$(cat "$MC_CP_FILE")"
  java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn com.caseclock.bench.Seeder "127.0.0.1:$KAFKA_PORT" \
    "$firm" "$n" || return 1
  deadline=$(( $(date +%s) + 180 ))
  until [[ $(mc_count "WHERE firm_id = '$firm'") -ge $n ]]; do
    (( $(date +%s) < deadline )) || { echo "the seeded matters were not all in the cache after 180 s"; return 1; }
    sleep 0.5
  done
  total=$(mc_count "")
  since=$(psql -Atq -d postgres -c "SELECT now()")
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $TOKEN_SUPPORT" "$MATTER_CACHE_URL/api/v1/admin/rebuild" \
    || { echo "the rebuild request failed"; return 1; }
  deadline=$(( $(date +%s) + 300 ))
  until [[ $(mc_count "WHERE applied_at > '$since'") -ge $total ]]; do
    (( $(date +%s) < deadline )) || { echo "the rebuild had not restored $total matters after 300 s"; return 1; }
    sleep 0.5
  done
  psql -Atq -d "${CASECLOCK_DB_PREFIX}matter_cache" -c "SELECT format('ingest: %s matter events applied in %s s = %s \
events/s (first to last commit)', count(*), round(extract(epoch FROM max(applied_at) - min(applied_at))::numeric, 1),
    round(count(*) / nullif(extract(epoch FROM max(applied_at) - min(applied_at)), 0)))
    FROM matter WHERE applied_at > '$since'"
  # the search starts once the service says the rebuild is over (every channel caught up, its tables analysed)
  deadline=$(( $(date +%s) + 60 ))
  until [[ $(psql -Atq -d "${CASECLOCK_DB_PREFIX}matter_cache" -c "SELECT count(*) FROM replay_state
      WHERE caught_up_at IS NULL OR caught_up_at < '$since'") == 0 ]]; do
    (( $(date +%s) < deadline )) || { echo "the rebuild was not reported caught up after 60 s"; return 1; }
    sleep 0.5
  done
  openssl pkcs8 -topk8 -nocrypt -in "$STATE/secrets/jwt-private.pem" -outform DER -out "$WORK/jwt-private.der" \
    || return 1
  java -cp "$cp" com.caseclock.bench.SearchLoad "$MATTER_CACHE_URL" "$WORK/jwt-private.der" "$CASECLOCK_JWT_ISSUER" \
    "$firm" "$n" 4 5 5 100
}
if [[ $MODE == quick && ${BENCH_MATTER_CACHE:-1} == 1 ]]; then
  log "scenarios 5 and 6 on the stack's matter-cache-service: 20,000 matters of one firm, then support's rebuild"
  if quick_matter_cache >"$WORK/matter-cache.log" 2>&1; then
    fact s6.rate "$(sed -nE 's/^ingest: .* = ([0-9.]+) events\/s.*/\1/p' "$WORK/matter-cache.log" | tail -n 1)"
    fact note.s6.rate "the stack's matter-cache-service rebuilt by support (POST /api/v1/admin/rebuild) from the compacted topics: $(sed -nE 's/^ingest: ([0-9]+) matter events.*/\1/p' "$WORK/matter-cache.log" | tail -n 1) matters (20,000 of them one firm's)"
    fact s5.p50 "$(sed -nE 's/^latency ms[^:]*: p50 ([0-9.]+) .*/\1/p' "$WORK/matter-cache.log" | tail -n 1)"
    fact s5.p99 "$(sed -nE 's/^latency ms[^:]*: .* p99 ([0-9.]+) .*/\1/p' "$WORK/matter-cache.log" | tail -n 1)"
    fact note.s5.p50 "the stack's matter-cache-service, open loop: $(grep '^search' "$WORK/matter-cache.log" | tail -n 1)"
  else
    fact why.s5 "failed: $(tail -n 1 "$WORK/matter-cache.log") (see bench/results/work/matter-cache.log)"
    fact why.s6 "failed: $(tail -n 1 "$WORK/matter-cache.log") (see bench/results/work/matter-cache.log)"
  fi
fi

stop_pid "$SAMPLER_PID"; SAMPLER_PID=""
for s in "${SERVICES[@]}"; do
  peak=$(awk -v n="$s" '$1 == n && $2 > m {m = $2} END {if (m) print m}' "$WORK/rss-s1.samples" 2>/dev/null)
  if [[ -n $peak ]]; then fact "s7.$s.rss.s1" "$peak"; fi
done
fact run.load.after "$(load_avg)"

# --- scenarios 5 and 6: bench/matter-cache/run.sh one-firm (its own broker and database mc_bench) ---------------------
# Full mode: 100,000 matters, search closed loop and open loop, each 30 s after 15 s of warm-up (--quick ran 5 and 6
# on the stack above).
if [[ $MODE == full && ${BENCH_MATTER_CACHE:-1} == 1 ]]; then
  log "stopping the stack; scenarios 5 and 6 with bench/matter-cache/run.sh one-firm"
  stop_pid "$STACK_PID"; STACK_PID=""
  MC_MATTERS=100000
  mc_time=(WARMUP=15 DURATION=30 CLOSED_LOOP=1)
  # the stack's start built matter-cache-service; rebuild only when the modules its load tool needs are not installed
  mc_build=0
  [[ -d ~/.m2/repository/com/caseclock/events ]] || mc_build=1
  if env "${mc_time[@]}" BUILD=$mc_build MATTERS=$MC_MATTERS BENCH_WORK="$WORK/matter-cache" KAFKA_PORT=$((BASE + 94)) \
       HTTP_PORT=$((BASE + 71)) bench/matter-cache/run.sh one-firm >"$WORK/matter-cache.log" 2>&1; then
    fact s6.rate "$(sed -nE 's/^ingest: .* = ([0-9.]+) events\/s.*/\1/p' "$WORK/matter-cache.log" | tail -n 1)"
    fact note.s6.rate "bench/matter-cache/run.sh: $MC_MATTERS matter events of one firm on the topic, empty database, service started (own broker)"
    # the last latency line: the open-loop one (latency from when each search was due) when the tool prints both
    fact s5.p50 "$(sed -nE 's/^latency ms[^:]*: p50 ([0-9.]+) .*/\1/p' "$WORK/matter-cache.log" | tail -n 1)"
    fact s5.p99 "$(sed -nE 's/^latency ms[^:]*: .* p99 ([0-9.]+) .*/\1/p' "$WORK/matter-cache.log" | tail -n 1)"
    fact note.s5.p50 "bench/matter-cache/run.sh one-firm (own broker), open loop: $(grep '^search' "$WORK/matter-cache.log" | tail -n 1)"
  else
    fact why.s5 "bench/matter-cache/run.sh failed (see bench/results/work/matter-cache.log)"
    fact why.s6 "bench/matter-cache/run.sh failed (see bench/results/work/matter-cache.log)"
  fi
elif [[ ${BENCH_MATTER_CACHE:-1} != 1 ]]; then
  fact why.s5 "not run (BENCH_MATTER_CACHE=0)"
  fact why.s6 "not run (BENCH_MATTER_CACHE=0)"
fi
fact run.wall.seconds "$(( $(date +%s) - T0 ))"

java -cp "$DRIVER_CP" com.caseclock.bench.pipeline.BenchMain report "$ROWS" "$FACTS" "$RESULTS/latest.json"
log "wall time $(( $(date +%s) - T0 )) s (including the stack's start and stop: stopping now)"
