#!/usr/bin/env bash
# Starts the whole CaseClock system on this machine, in the foreground; Ctrl-C stops all of it.
#
#   ./run-local.sh             build what is not built yet, then start everything
#   ./run-local.sh --rebuild   rebuild the modules first (after changing code)
#   ./run-local.sh --reset     start from empty: wipe the Kafka data and drop the three local databases
#   ./run-local.sh --help
#
# What runs (each its own process, logs in .local/logs/):
#   Kafka broker (KRaft, kafka_2.13 from Maven)  127.0.0.1:${KAFKA_PORT:-9092}  data in .local/kafka/ (git-ignored)
#   Clio sandbox with the demo seed (SANDBOX_SEED) http://127.0.0.1:${SANDBOX_PORT:-8090}
#   timeentry-service                            http://localhost:${TIMEENTRY_PORT:-8080}
#   matter-cache-service                         http://localhost:${MATTER_CACHE_PORT:-8081}
#   clio-connector                               http://localhost:${CONNECTOR_PORT:-8082}
# plus one database per service on the local PostgreSQL (created if missing). When everything is ready it writes
# .local/stack.env (URLs, the sandbox OAuth application, bearer tokens) and prints what to try next:
# docs/walkthrough.md. Overridable through the environment: the ports above, KAFKA_CONTROLLER_PORT (9093),
# PGHOST/PGPORT/PGUSER/PGPASSWORD (127.0.0.1/5432/postgres/empty), CLIO_CLIENT_ID/CLIO_CLIENT_SECRET
# (caseclock-local/caseclock-local-secret), SERVICE_JAVA_OPTS, READY_TIMEOUT (seconds, default 180), and
#   SANDBOX_SEED          a seed file for the Clio sandbox instead of its demo seed (bench/run.sh writes one with
#                         20 Clio accounts). After one start (which resolves .local/sandbox.classpath), write one with
#                         java -cp "clio-sandbox/target/clio-sandbox-0.1.0-SNAPSHOT.jar:$(cat .local/sandbox.classpath)" \
#                           com.caseclock.cliosandbox.seed.SeedGenerator --accounts 3 --matters 5 --out /tmp/seed.json
#   CASECLOCK_LOCAL_DIR   the state folder (default .local): logs, Kafka data, keys, stack.env, pids, cmd/
#   CASECLOCK_DB_PREFIX   prefix of the three database names (default caseclock_: caseclock_timeentry, ...)
#   RESTART_SERVICES      true: a service that exits is started again from its recorded command line
#                         (CASECLOCK_LOCAL_DIR/cmd/<service>), as an orchestrator would; default false (stop all)
#   CASECLOCK_STOP_WITH_PID  stop everything when that process ends (the e2e test passes its own pid)
# Any other setting of a service is passed through the environment, e.g. CONNECTOR_SYNC_POLL_INTERVAL=15s.
# Two stacks with different ports, CASECLOCK_LOCAL_DIR and CASECLOCK_DB_PREFIX never touch each other (the e2e
# module runs one like that next to a developer's ./run-local.sh).
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -n ${SANDBOX_SEED:-} ]]; then
  # a relative path means relative to where the command was given, not to the repository
  [[ $SANDBOX_SEED == /* ]] || SANDBOX_SEED="$PWD/$SANDBOX_SEED"
  [[ -f $SANDBOX_SEED && -r $SANDBOX_SEED ]] || { echo "run-local.sh: SANDBOX_SEED=$SANDBOX_SEED is not a readable file" >&2; exit 2; }
fi
cd "$ROOT"
mkdir -p "${CASECLOCK_LOCAL_DIR:-$ROOT/.local}"
LOCAL=$(cd "${CASECLOCK_LOCAL_DIR:-$ROOT/.local}" && pwd)
# how paths under the state folder are shown: relative to the repository when inside it
if [[ $LOCAL == "$ROOT"/* ]]; then SHOWN=${LOCAL#"$ROOT"/}; else SHOWN=$LOCAL; fi
LOGS="$LOCAL/logs"
CMDS="$LOCAL/cmd"

TIMEENTRY_PORT=${TIMEENTRY_PORT:-8080}
MATTER_CACHE_PORT=${MATTER_CACHE_PORT:-8081}
CONNECTOR_PORT=${CONNECTOR_PORT:-8082}
SANDBOX_PORT=${SANDBOX_PORT:-8090}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
PGPASSWORD=${PGPASSWORD:-}
export PGHOST PGPORT PGUSER PGPASSWORD
CLIO_CLIENT_ID=${CLIO_CLIENT_ID:-caseclock-local}
CLIO_CLIENT_SECRET=${CLIO_CLIENT_SECRET:-caseclock-local-secret}
CASECLOCK_JWT_ISSUER=${CASECLOCK_JWT_ISSUER:-https://auth.caseclock.local}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC}
READY_TIMEOUT=${READY_TIMEOUT:-180}
RESTART_SERVICES=${RESTART_SERVICES:-false}
DB_PREFIX=${CASECLOCK_DB_PREFIX:-caseclock_}
STOP_WITH_PID=${CASECLOCK_STOP_WITH_PID:-}

SERVICES=(timeentry-service matter-cache-service clio-connector)
DATABASES=("${DB_PREFIX}timeentry" "${DB_PREFIX}matter_cache" "${DB_PREFIX}clio_connector")
# Every process started here carries this system property, so a later run can recognise leftovers of this state folder.
MARKER="-Dcaseclock.local.stack=$LOCAL"

REBUILD=false
RESET=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=true ;;
    --reset) RESET=true ;;
    -h|--help) sed -n '2,/^set -E/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [[ -t 1 ]]; then B=$'\033[1m' R=$'\033[1;31m' N=$'\033[0m'; else B='' R='' N=''; fi
say() { printf '%s[run-local]%s %s\n' "$B" "$N" "$*"; }
fail() { printf '%s[run-local] %s%s\n' "$R" "$*" "$N" >&2; exit 1; }
now() { date +%s; }
T0=$(now)

[[ $DB_PREFIX =~ ^[a-z_][a-z0-9_]{0,40}$ ]] || fail "CASECLOCK_DB_PREFIX must be lower-case letters, digits and _ (got '$DB_PREFIX')"
[[ $RESTART_SERVICES == true || $RESTART_SERVICES == false ]] || fail "RESTART_SERVICES must be true or false"
[[ -z $STOP_WITH_PID || $STOP_WITH_PID =~ ^[0-9]+$ ]] || fail "CASECLOCK_STOP_WITH_PID must be a process id"

for tool in java curl openssl psql createdb; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is not installed (needed by run-local.sh)"
done

mkdir -p "$LOGS"

# --- one stack per checkout --------------------------------------------------------------------------------------
exec 9>"$LOCAL/run.lock"
if ! flock -n 9; then
  fail "another ./run-local.sh on $SHOWN is running (see $SHOWN/stack.env); stop it with Ctrl-C in its terminal"
fi

# Processes a previous run left behind (it was killed with SIGKILL): stop them, they are ours.
if [[ -f "$LOCAL/pids" ]]; then
  while read -r name pid; do
    if [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$MARKER"; then
      say "stopping $name (pid $pid) left over from an earlier run"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done < <(tac "$LOCAL/pids")   # services first, Kafka last
  rm -f "$LOCAL/pids"
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
busy=()
for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$SANDBOX_PORT" "$TIMEENTRY_PORT" "$MATTER_CACHE_PORT" "$CONNECTOR_PORT"; do
  port_open "$p" && busy+=("$p")
done
if ((${#busy[@]})); then
  fail "port(s) ${busy[*]} already in use (is the stack already running? 'ss -ltnp' shows who listens). Stop that, or choose other ports, e.g. TIMEENTRY_PORT=18080 KAFKA_PORT=19092 ./run-local.sh"
fi

# --- PostgreSQL ----------------------------------------------------------------------------------------------------
pg_up() { pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null || psql -Atqc 'select 1' postgres >/dev/null 2>&1; }
if ! pg_up; then
  cat >&2 <<EOF
[run-local] PostgreSQL is not answering on $PGHOST:$PGPORT (role $PGUSER).
  Start it, then run ./run-local.sh again. On Debian/Ubuntu:
    pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql | head -n 1) main start
  (or: sudo systemctl start postgresql). Another server: set PGHOST, PGPORT, PGUSER, PGPASSWORD.
EOF
  exit 3
fi
psql -Atqc 'select 1' postgres >/dev/null 2>&1 || fail "PostgreSQL answers on $PGHOST:$PGPORT but role '$PGUSER' cannot log in (set PGUSER/PGPASSWORD)"

# --- reset ---------------------------------------------------------------------------------------------------------
if $RESET; then
  say "--reset: wiping $SHOWN/kafka and dropping ${DATABASES[*]}"
  rm -rf "$LOCAL/kafka" "$LOCAL/sandbox-run"
  for db in "${DATABASES[@]}"; do
    PGOPTIONS='-c client_min_messages=warning' psql -Atqc "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null
  done
  rm -f "$LOCAL/stack.env"
fi

# --- build ---------------------------------------------------------------------------------------------------------
SANDBOX_JAR=clio-sandbox/target/clio-sandbox-0.1.0-SNAPSHOT.jar
need_build=$REBUILD
for m in "${SERVICES[@]}"; do [[ -f $m/target/quarkus-app/quarkus-run.jar ]] || need_build=true; done
[[ -f $SANDBOX_JAR && -d events/target/classes/com/caseclock/events ]] || need_build=true
if $need_build; then
  say "building the services, the Clio sandbox and the events module (./mvnw -q package -DskipTests) ..."
  tb=$(now)
  ./mvnw -q package -DskipTests -pl events,clio-sandbox,timeentry-service,matter-cache-service,clio-connector -am \
    || fail "the build failed (see above)"
  say "built in $(( $(now) - tb )) s"
else
  for m in "${SERVICES[@]}" clio-sandbox events; do
    ref=$m/target/quarkus-app/quarkus-run.jar; [[ -f $ref ]] || ref=$m/target/$m-0.1.0-SNAPSHOT.jar
    if [[ -n $(find "$m/src/main" -newer "$ref" -type f -print -quit 2>/dev/null) ]]; then
      say "note: $m has sources newer than its build; run ./run-local.sh --rebuild to pick them up"
    fi
  done
fi

# The processes run from a copy of what was built ($SHOWN/app/), so rebuilding a module while the stack runs (./mvnw
# package or verify rewrites target/quarkus-app) cannot pull jars from under a running JVM.
APP="$LOCAL/app"
mkdir -p "$APP"
snapshot() { # from-dir to-dir
  if command -v rsync >/dev/null 2>&1; then rsync -a --delete "$1/" "$2/"; else rm -rf "$2" && cp -a "$1" "$2"; fi
}
for m in "${SERVICES[@]}"; do snapshot "$m/target/quarkus-app" "$APP/$m"; done
cp -f "$SANDBOX_JAR" "$APP/clio-sandbox.jar"

# Runtime classpaths of the helper processes (resolved once; the Maven Wrapper fetches what is missing).
if [[ ! -s $LOCAL/tools.classpath || deploy/local/pom.xml -nt $LOCAL/tools.classpath ]]; then
  say "resolving the Kafka broker's classpath (deploy/local/pom.xml) ..."
  ./mvnw -q -f deploy/local/pom.xml dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$LOCAL/tools.classpath" || fail "could not resolve deploy/local/pom.xml's dependencies"
fi
if [[ ! -s $LOCAL/sandbox.classpath || clio-sandbox/pom.xml -nt $LOCAL/sandbox.classpath ]]; then
  say "resolving the Clio sandbox's classpath ..."
  ./mvnw -q -pl clio-sandbox dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$LOCAL/sandbox.classpath" || fail "could not resolve clio-sandbox's dependencies"
fi
TOOLS_CP=$(cat "$LOCAL/tools.classpath")
HELPERS="$LOCAL/helpers"
if [[ ! -f $HELPERS/CreateTopics.class || deploy/local/CreateTopics.java -nt $HELPERS/CreateTopics.class \
      || deploy/local/MintTokens.java -nt $HELPERS/MintTokens.class || events/target/classes -nt $HELPERS/CreateTopics.class ]]; then
  rm -rf "$HELPERS"; mkdir -p "$HELPERS"
  javac -nowarn -d "$HELPERS" -cp "events/target/classes:$TOOLS_CP" deploy/local/CreateTopics.java deploy/local/MintTokens.java \
    || fail "could not compile deploy/local/*.java"
fi

# --- secrets of this local stack (generated once, kept so tokens and stored Clio connections survive restarts) --------
mkdir -p "$LOCAL/secrets"; chmod 700 "$LOCAL/secrets"
if [[ ! -f $LOCAL/secrets/jwt-private.pem ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$LOCAL/secrets/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$LOCAL/secrets/jwt-private.pem" -pubout -out "$LOCAL/secrets/jwt-public.pem" 2>/dev/null
fi
if [[ ! -f $LOCAL/secrets/connector-token-key ]]; then
  openssl rand -base64 32 >"$LOCAL/secrets/connector-token-key"
fi
chmod 600 "$LOCAL/secrets"/*
CASECLOCK_JWT_PUBLIC_KEY=$(grep -v -- '-----' "$LOCAL/secrets/jwt-public.pem" | tr -d '\n')
CONNECTOR_TOKEN_ENCRYPTION_KEY=$(tr -d '\n' <"$LOCAL/secrets/connector-token-key")

# --- process handling ----------------------------------------------------------------------------------------------
declare -A PID=()
declare -A RESTARTS=()
ORDER=()   # start order; stopped in reverse
STOPPING=false
WATCHER=

mkdir -p "$CMDS"; chmod 700 "$CMDS"   # the command lines carry the stack's secrets in their environment
start() { # name, command...: records the exact command line as $CMDS/<name>, then launches it
  local name=$1; shift
  { echo '#!/usr/bin/env bash'
    echo "# $name exactly as ./run-local.sh started it last (with RESTART_SERVICES=true it is started again from here)"
    printf 'exec'; printf ' %q' "$@"; echo; } >"$CMDS/$name"
  chmod 700 "$CMDS/$name"
  [[ -f $LOGS/$name.log ]] && mv -f "$LOGS/$name.log" "$LOGS/$name.previous.log"
  launch "$name"
  ORDER+=("$name")
}
launch() { # name: runs $CMDS/<name> in the background, output appended to its log; fd 9 (the lock) is not inherited
  local name=$1
  bash "$CMDS/$name" >>"$LOGS/$name.log" 2>&1 9>&- </dev/null &
  PID[$name]=$!
  echo "$name ${PID[$name]}" >>"$LOCAL/pids"
}
is_service() { local s; for s in "${SERVICES[@]}"; do [[ $s == "$1" ]] && return 0; done; return 1; }

stop_group() { # names...: TERM them all, wait up to 30 s each, then KILL
  local name pid
  for name in "$@"; do pid=${PID[$name]:-}; [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null || true; done
  for name in "$@"; do
    pid=${PID[$name]:-}; [[ -n $pid ]] || continue
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then say "$name did not stop within 30 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
  done
}
stop_all() {
  $STOPPING && return; STOPPING=true
  trap '' INT TERM
  [[ -n $WATCHER ]] && kill "$WATCHER" 2>/dev/null || true
  ((${#ORDER[@]})) || return 0
  say "stopping ..."
  rm -f "$LOCAL/stack.env"
  # the services first (they leave their consumer groups and flush their producers), then the sandbox, Kafka last
  stop_group "${SERVICES[@]}"
  stop_group clio-sandbox
  stop_group kafka
  rm -f "$LOCAL/pids"
  say "stopped (logs kept in $SHOWN/logs/)"
}
on_signal() { stop_all; exit 130; }
trap on_signal INT TERM
trap stop_all EXIT
rm -f "$LOCAL/pids" "$LOCAL/stack.env"
if [[ -n $STOP_WITH_PID ]]; then
  # stop everything (as on Ctrl-C) once that process is gone, even if it could not tell us (kill -9)
  ( trap - INT TERM EXIT
    while kill -0 "$STOP_WITH_PID" 2>/dev/null && kill -0 $$ 2>/dev/null; do sleep 1; done
    kill -TERM $$ 2>/dev/null ) 9>&- </dev/null >/dev/null 2>&1 &
  WATCHER=$!
fi

died() { # name: fail with the log tail if the process is gone
  local name=$1
  if ! kill -0 "${PID[$name]}" 2>/dev/null; then
    echo "----- last lines of $SHOWN/logs/$name.log -----" >&2
    tail -n 40 "$LOGS/$name.log" >&2 || true
    fail "$name exited during start-up (full log: $SHOWN/logs/$name.log)"
  fi
}
wait_until() { # name, timeout seconds, check command...
  local name=$1 timeout=$2; shift 2
  local deadline=$(( $(now) + timeout ))
  until "$@"; do
    died "$name"
    if (( $(now) > deadline )); then
      echo "----- last lines of $SHOWN/logs/$name.log -----" >&2
      tail -n 40 "$LOGS/$name.log" >&2 || true
      fail "$name was not ready after $timeout s (full log: $SHOWN/logs/$name.log)"
    fi
    sleep 0.5
  done
}
http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

# --- Kafka (KRaft, single node: broker and controller in one process) ----------------------------------------------
KAFKA_DIR="$LOCAL/kafka"
mkdir -p "$KAFKA_DIR/data"
cat >"$KAFKA_DIR/server.properties" <<EOF
# Written by run-local.sh on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
KAFKA_JAVA=(java -Xms128m -Xmx512m "$MARKER" -Dorg.slf4j.simpleLogger.showDateTime=true
  -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS -Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn
  -cp "$TOOLS_CP")
if [[ ! -f $KAFKA_DIR/data/meta.properties ]]; then
  say "formatting the Kafka data directory $SHOWN/kafka/data"
  cluster_id=$("${KAFKA_JAVA[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  "${KAFKA_JAVA[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DIR/server.properties" \
    >"$LOGS/kafka-format.log" 2>&1 || { cat "$LOGS/kafka-format.log" >&2; fail "could not format the Kafka data directory"; }
fi
say "starting Kafka on 127.0.0.1:$KAFKA_PORT"
start kafka "${KAFKA_JAVA[@]}" kafka.Kafka "$KAFKA_DIR/server.properties"

# --- databases (one per service; each service migrates its own schema with Flyway) -----------------------------------
for db in "${DATABASES[@]}"; do
  if [[ $(psql -Atqc "SELECT 1 FROM pg_database WHERE datname = '$db'" postgres) != 1 ]]; then
    createdb "$db" && say "created database $db"
  fi
done

# --- Clio sandbox --------------------------------------------------------------------------------------------------
SANDBOX_URL="http://127.0.0.1:$SANDBOX_PORT"
REDIRECT_URI="http://localhost:$CONNECTOR_PORT/api/v1/connections/clio/callback"
say "starting the Clio sandbox on $SANDBOX_URL"
start clio-sandbox java -Xms64m -Xmx384m "$MARKER" -cp "$APP/clio-sandbox.jar:$(cat "$LOCAL/sandbox.classpath")" \
  com.caseclock.cliosandbox.ClioSandboxMain --port "$SANDBOX_PORT" \
  --client-id "$CLIO_CLIENT_ID" --client-secret "$CLIO_CLIENT_SECRET" \
  --redirect-uri "$REDIRECT_URI" --redirect-uri "http://127.0.0.1:$CONNECTOR_PORT/api/v1/connections/clio/callback" \
  ${SANDBOX_SEED:+--seed "$SANDBOX_SEED"}

# --- wait for Kafka, then create the catalogue's topics --------------------------------------------------------------
wait_until kafka 90 port_open "$KAFKA_PORT"
say "creating the catalogue's topics (com.caseclock.events.Topic)"
java -cp "$HELPERS:events/target/classes:$TOOLS_CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  CreateTopics "127.0.0.1:$KAFKA_PORT" 90 || { died kafka; fail "could not create the topics"; }
wait_until clio-sandbox 60 http_ok "$SANDBOX_URL/_sandbox"
# The sandbox keeps its state in memory, so each start begins again at the same ids, while the services' databases
# remember the ids of earlier runs (matters, activities). Move this run's new ids into a range of their own (run N:
# from N,000,000) by creating one empty group with that id: the sandbox hands out ids above the highest it has seen.
run_no=$(( $(cat "$LOCAL/sandbox-run" 2>/dev/null || echo 0) + 1 ))
echo "$run_no" >"$LOCAL/sandbox-run"
# (any firm will do, ids are shared by the whole sandbox: the demo firm nunez-oconnor as always, else the seed's first
# firm, so a SANDBOX_SEED without the demo firms works too)
sandbox_info=$(curl -fsS "$SANDBOX_URL/_sandbox" | tr -d '\n') || sandbox_info=""
if [[ $sandbox_info == *'"nunez-oconnor"'* ]]; then id_firm=nunez-oconnor
else id_firm=$(sed -nE 's/.*"firms" *: *\[ *"([^"]+)".*/\1/p' <<<"$sandbox_info"); fi
[[ -n $id_firm ]] || fail "the Clio sandbox has no firms: ${SANDBOX_SEED:+SANDBOX_SEED=$SANDBOX_SEED is }a seed without firms?"
curl -fsS -o /dev/null -X POST "$SANDBOX_URL/_sandbox/firms/$id_firm/groups" -H 'Content-Type: application/json' \
  -d "{\"id\": $(( run_no * 1000000 )), \"name\": \"run-local id range $run_no\", \"type\": \"AdhocGroup\"}" \
  || fail "could not prepare the Clio sandbox (see $SHOWN/logs/clio-sandbox.log)"

# --- the three services ------------------------------------------------------------------------------------------
# Any other setting of a service can be given through the environment as usual (e.g. CONNECTOR_SYNC_POLL_INTERVAL=15s
# ./run-local.sh): the services inherit this script's environment.
service_env=(
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
  CASECLOCK_JWT_PUBLIC_KEY="$CASECLOCK_JWT_PUBLIC_KEY"
  CASECLOCK_JWT_ISSUER="$CASECLOCK_JWT_ISSUER"
)
jdbc="jdbc:postgresql://$PGHOST:$PGPORT"
say "starting timeentry-service, matter-cache-service and clio-connector"
start timeentry-service env "${service_env[@]}" QUARKUS_HTTP_PORT="$TIMEENTRY_PORT" \
  TIMEENTRY_DB_URL="$jdbc/${DATABASES[0]}" TIMEENTRY_DB_USER="$PGUSER" TIMEENTRY_DB_PASSWORD="$PGPASSWORD" \
  java $SERVICE_JAVA_OPTS "$MARKER" -jar "$APP/timeentry-service/quarkus-run.jar"
start matter-cache-service env "${service_env[@]}" QUARKUS_HTTP_PORT="$MATTER_CACHE_PORT" \
  MATTER_CACHE_DB_URL="$jdbc/${DATABASES[1]}" MATTER_CACHE_DB_USER="$PGUSER" MATTER_CACHE_DB_PASSWORD="$PGPASSWORD" \
  java $SERVICE_JAVA_OPTS "$MARKER" -jar "$APP/matter-cache-service/quarkus-run.jar"
start clio-connector env "${service_env[@]}" QUARKUS_HTTP_PORT="$CONNECTOR_PORT" \
  CONNECTOR_DB_URL="$jdbc/${DATABASES[2]}" CONNECTOR_DB_USER="$PGUSER" CONNECTOR_DB_PASSWORD="$PGPASSWORD" \
  CLIO_CLIENT_ID="$CLIO_CLIENT_ID" CLIO_CLIENT_SECRET="$CLIO_CLIENT_SECRET" CLIO_REDIRECT_URI="$REDIRECT_URI" \
  CLIO_BASE_URL_US="$SANDBOX_URL" CLIO_BASE_URL_EU="$SANDBOX_URL" CLIO_BASE_URL_CA="$SANDBOX_URL" CLIO_BASE_URL_AU="$SANDBOX_URL" \
  CONNECTOR_TOKEN_ENCRYPTION_KEY="$CONNECTOR_TOKEN_ENCRYPTION_KEY" \
  CONNECTOR_WEBHOOKS_PUBLIC_BASE_URL="http://127.0.0.1:$CONNECTOR_PORT" \
  java $SERVICE_JAVA_OPTS "$MARKER" -jar "$APP/clio-connector/quarkus-run.jar"

TIMEENTRY_URL="http://localhost:$TIMEENTRY_PORT"
MATTER_CACHE_URL="http://localhost:$MATTER_CACHE_PORT"
CONNECTOR_URL="http://localhost:$CONNECTOR_PORT"
wait_until timeentry-service "$READY_TIMEOUT" http_ok "http://127.0.0.1:$TIMEENTRY_PORT/q/health/ready"
wait_until matter-cache-service "$READY_TIMEOUT" http_ok "http://127.0.0.1:$MATTER_CACHE_PORT/q/health/ready"
wait_until clio-connector "$READY_TIMEOUT" http_ok "http://127.0.0.1:$CONNECTOR_PORT/q/health/ready"

# --- stack.env (in the state folder) --------------------------------------------------------------------------------
tokens=$(java -cp "$HELPERS:$TOOLS_CP" MintTokens "$LOCAL/secrets/jwt-private.pem" "$CASECLOCK_JWT_ISSUER" 30) \
  || fail "could not mint the bearer tokens"
cat >"$LOCAL/stack.env.tmp" <<EOF
# Written by ./run-local.sh at $(date -u +%Y-%m-%dT%H:%M:%SZ); removed when it stops. Use: source $SHOWN/stack.env
TIMEENTRY_URL='$TIMEENTRY_URL'
MATTER_CACHE_URL='$MATTER_CACHE_URL'
CONNECTOR_URL='$CONNECTOR_URL'
CLIO_SANDBOX_URL='$SANDBOX_URL'
KAFKA_BOOTSTRAP_SERVERS='127.0.0.1:$KAFKA_PORT'
# The sandbox's OAuth application (the connector's client credentials) and its redirect URI.
CLIO_CLIENT_ID='$CLIO_CLIENT_ID'
CLIO_CLIENT_SECRET='$CLIO_CLIENT_SECRET'
CLIO_REDIRECT_URI='$REDIRECT_URI'
# JWT issuer and key the services trust; mint more tokens with:
#   java -cp $SHOWN/helpers:\$(cat $SHOWN/tools.classpath) MintTokens $SHOWN/secrets/jwt-private.pem \$CASECLOCK_JWT_ISSUER 30 FIRM USER ROLE
CASECLOCK_JWT_ISSUER='$CASECLOCK_JWT_ISSUER'
# This stack's state folder (logs/, pids = "service pid" per start, cmd/<service> = exact command lines) and databases.
CASECLOCK_LOCAL_DIR='$LOCAL'
CASECLOCK_DATABASES='${DATABASES[*]}'
# Bearer tokens, valid 30 days: TOKEN_LAWYER = dana, lawyer at harbor-pine (Clio user 100, Dana O'Brien);
# TOKEN_LAWYER_OTHER_FIRM = lucia, lawyer at nunez-oconnor; TOKEN_ADMIN = priya, firm-admin of harbor-pine;
# TOKEN_SUPPORT = sam, CaseClock support.
$tokens
EOF
mv -f "$LOCAL/stack.env.tmp" "$LOCAL/stack.env"

cat <<EOF

$(say "CaseClock is up in $(( $(now) - T0 )) s.")
  timeentry-service     $TIMEENTRY_URL   (Swagger UI: $TIMEENTRY_URL/q/swagger-ui)
  matter-cache-service  $MATTER_CACHE_URL
  clio-connector        $CONNECTOR_URL
  Clio sandbox          $SANDBOX_URL   (admin API: $SANDBOX_URL/_sandbox)
  Kafka                 127.0.0.1:$KAFKA_PORT
  logs                  $SHOWN/logs/*.log

What to try next (in another terminal) -- the full tour is docs/walkthrough.md:
  source $SHOWN/stack.env
  # connect the demo lawyer (dana @ harbor-pine) to the sandbox Clio through the OAuth redirect:
  URL=\$(curl -s -X POST "\$CONNECTOR_URL/api/v1/connections/clio" -H "Authorization: Bearer \$TOKEN_LAWYER" -H 'Content-Type: application/json' -d '{}' | jq -r .authorizeUrl)
  curl -s -L "\$URL&sandbox_firm=harbor-pine&sandbox_user=100" | jq
  # a few seconds later, the firm's matters are in the cache:
  curl -s "\$MATTER_CACHE_URL/api/v1/matters?q=smith" -H "Authorization: Bearer \$TOKEN_LAWYER" | jq

Ctrl-C stops everything.
EOF

# --- foreground: until Ctrl-C, or until a process dies (a service is started again with RESTART_SERVICES=true) ----------
while :; do
  set +e; wait -n "${PID[@]}"; set -e
  for name in "${ORDER[@]}"; do
    kill -0 "${PID[$name]}" 2>/dev/null && continue
    rc=0; wait "${PID[$name]}" 2>/dev/null || rc=$?
    RESTARTS[$name]=$(( ${RESTARTS[$name]:-0} + 1 ))
    if $RESTART_SERVICES && is_service "$name" && (( RESTARTS[$name] <= 10 )); then
      say "$name exited (status $rc); starting it again (RESTART_SERVICES=true, restart ${RESTARTS[$name]} of at most 10)"
      echo "----- run-local.sh: $name exited with status $rc at $(date -u +%FT%TZ); starting it again -----" >>"$LOGS/$name.log"
      launch "$name"
      continue
    fi
    echo "----- last lines of $SHOWN/logs/$name.log -----" >&2
    tail -n 30 "$LOGS/$name.log" >&2 || true
    say "$name stopped unexpectedly (status $rc); stopping the rest"
    exit 1
  done
done
