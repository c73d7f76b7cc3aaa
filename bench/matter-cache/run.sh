#!/usr/bin/env bash
# Benchmark of matter-cache-service: ingest rate from the matter topic into PostgreSQL, and search latency measured
# from a separate load process. See docs/performance.md ("matter-cache-service") for figures and how to read them.
#
#   bench/matter-cache/run.sh [one-firm|ten-firms|all]
#
# Needs: JDK 17, openssl, PostgreSQL on 127.0.0.1:5432 as postgres (no password). Builds the service and installs it
# with the modules it needs into ~/.m2 (./mvnw -pl matter-cache-service -am install -DskipTests), so it runs from a
# clean checkout and always measures the working tree. Starts its own single-node Kafka broker (kafka_2.13 4.1.2
# classpath, KRaft) and the service from its built jar; stops both at the end.
# Search is measured twice: closed loop (CONCURRENCY threads, each sends its next search when the last one answered:
# the saturated service) and open loop (RATE searches per second, latency from when each was due).
# Tunables (environment): MATTERS (100000), CONCURRENCY (4), RATE (100 requests/s), WARMUP (15 s), DURATION (30 s),
# CLOSED_LOOP=0 (only the open-loop search),
# KAFKA_PORT (19092), HTTP_PORT (18081), BENCH_WORK (/tmp/matter-cache-bench), BUILD=0 to reuse the built jar.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${BENCH_WORK:-/tmp/matter-cache-bench}
MATTERS=${MATTERS:-100000}
CONCURRENCY=${CONCURRENCY:-4}
RATE=${RATE:-100}
WARMUP=${WARMUP:-15}
DURATION=${DURATION:-30}
KAFKA_PORT=${KAFKA_PORT:-19092}
HTTP_PORT=${HTTP_PORT:-18081}
ISSUER=https://auth.caseclock.bench
DB=mc_bench
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
SCENARIO=${1:-all}

mkdir -p "$WORK"
KAFKA_PID=""
SERVICE_PID=""
cleanup() {
  [[ -n "$SERVICE_PID" ]] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  [[ -n "$KAFKA_PID" ]] && kill "$KAFKA_PID" 2>/dev/null && wait "$KAFKA_PID" 2>/dev/null || true
}
trap cleanup EXIT

# --- build ---------------------------------------------------------------------------------------------------------
JAR="$ROOT/matter-cache-service/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" || "${BUILD:-1}" == "1" ]]; then
  echo "building matter-cache-service (and installing the modules it needs)"
  (cd "$ROOT" && ./mvnw -q ${MVN_OFFLINE:+-o} -pl matter-cache-service -am install -DskipTests)
fi
(cd "$ROOT" && ./mvnw -q ${MVN_OFFLINE:+-o} -f bench/matter-cache/pom.xml \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$WORK/cp.txt")
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$(cat "$WORK/cp.txt")" $(find "$HERE/src/main/java" -name '*.java')
CP="$WORK/classes:$(cat "$WORK/cp.txt")"

# --- token keys ----------------------------------------------------------------------------------------------------
if [[ ! -f "$WORK/jwt-private.der" ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
  openssl pkcs8 -topk8 -nocrypt -in "$WORK/jwt-private.pem" -outform DER -out "$WORK/jwt-private.der"
  openssl pkey -in "$WORK/jwt-private.pem" -pubout -outform DER | base64 -w0 > "$WORK/jwt-public.b64"
fi

start_kafka() {
  rm -rf "$WORK/kafka-logs" && mkdir -p "$WORK/kafka-logs"
  cat > "$WORK/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$((KAFKA_PORT + 1))
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$((KAFKA_PORT + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$WORK/kafka-logs
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  local id
  id=$(java -cp "$CP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
  java -cp "$CP" kafka.tools.StorageTool format -t "$id" -c "$WORK/server.properties" >/dev/null 2>&1
  java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" kafka.Kafka "$WORK/server.properties" \
    > "$WORK/kafka.log" 2>&1 &
  KAFKA_PID=$!
  for _ in $(seq 1 60); do (echo > /dev/tcp/127.0.0.1/$KAFKA_PORT) 2>/dev/null && return 0; sleep 1; done
  echo "Kafka did not start, see $WORK/kafka.log" >&2; exit 1
}

stop_kafka() { kill "$KAFKA_PID"; wait "$KAFKA_PID" 2>/dev/null || true; KAFKA_PID=""; }

start_service() {
  QUARKUS_HTTP_PORT=$HTTP_PORT \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  CASECLOCK_JWT_PUBLIC_KEY="$(cat "$WORK/jwt-public.b64")" \
  CASECLOCK_JWT_ISSUER="$ISSUER" \
  java -jar "$JAR" > "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null 2>&1 && return 0; sleep 1
  done
  echo "service did not become ready, see $WORK/service.log" >&2; exit 1
}

stop_service() { kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""; }

run_scenario() {
  local name=$1 firms=$2 per_firm=$3
  local total=$(( $(tr ',' '\n' <<< "$firms" | wc -l) * per_firm ))
  echo "=== $name: $total matters ($firms x $per_firm) ==="
  start_kafka
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  java -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn com.caseclock.bench.Seeder \
    "127.0.0.1:$KAFKA_PORT" "$firms" "$per_firm"
  # The service starts on a fresh database with the events already on the topic: it builds the cache from the
  # beginning of the topic, which is the ingest being measured (also the rebuild path).
  echo "load average before ingest: $(cut -d' ' -f1-3 /proc/loadavg)"
  start_service
  local n=0
  for _ in $(seq 1 900); do
    n=$("${PSQL[@]}" -d $DB -c "SELECT count(*) FROM matter")
    [[ "$n" -ge "$total" ]] && break; sleep 1
  done
  "${PSQL[@]}" -d $DB -c "SELECT format('ingest: %s matter events applied in %s s = %s events/s (first to last commit)',
      count(*), round(extract(epoch FROM max(applied_at) - min(applied_at))::numeric, 1),
      round(count(*) / nullif(extract(epoch FROM max(applied_at) - min(applied_at)), 0)))
      FROM matter"
  "${PSQL[@]}" -d $DB -c "VACUUM ANALYZE"
  echo "load average before search: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [[ ${CLOSED_LOOP:-1} == 1 ]]; then
    java -cp "$CP" com.caseclock.bench.SearchLoad "http://127.0.0.1:$HTTP_PORT" "$WORK/jwt-private.der" "$ISSUER" \
      "$firms" "$per_firm" "$CONCURRENCY" "$WARMUP" "$DURATION"
  fi
  echo "load average before open-loop search: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "$CP" com.caseclock.bench.SearchLoad "http://127.0.0.1:$HTTP_PORT" "$WORK/jwt-private.der" "$ISSUER" \
    "$firms" "$per_firm" "$CONCURRENCY" "$WARMUP" "$DURATION" "$RATE"
  stop_service
  stop_kafka
}

echo "machine: $(nproc) cores, $(grep 'model name' /proc/cpuinfo | head -1 | cut -d: -f2 | xargs), $(date -u +%FT%TZ)"
echo "commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$ROOT" && \
  git status --porcelain -- matter-cache-service bench/matter-cache 2>/dev/null | grep -q . && echo ' + uncommitted changes in matter-cache-service or bench/matter-cache')"
if [[ "$SCENARIO" == "one-firm" || "$SCENARIO" == "all" ]]; then
  run_scenario one-firm bench-firm-1 "$MATTERS"
fi
if [[ "$SCENARIO" == "ten-firms" || "$SCENARIO" == "all" ]]; then
  run_scenario ten-firms "$(seq -s, -f 'bench-firm-%02g' 1 10)" $(( MATTERS / 10 ))
fi
