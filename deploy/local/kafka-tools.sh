#!/usr/bin/env bash
# Kafka's own command-line tools against the local stack's broker, from the same Maven artifacts as the broker
# (no Kafka download needed). Needs a stack started by ./run-local.sh (reads .local/stack.env).
#
#   deploy/local/kafka-tools.sh topics --list
#   deploy/local/kafka-tools.sh topics --describe --topic clio.matter.changed.v1
#   deploy/local/kafka-tools.sh consumer-groups --describe --all-groups      # lag per group and partition
#   deploy/local/kafka-tools.sh console-consumer --topic connector.time-entry.sync-result.v1 --from-beginning \
#        --property print.key=true --property print.headers=true
#   deploy/local/kafka-tools.sh get-offsets --topic timeentry.time-entry.approval.v1
#
# --bootstrap-server is added for you (KAFKA_BOOTSTRAP_SERVERS from .local/stack.env; a stack started with another
# CASECLOCK_LOCAL_DIR: set it here too).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
state=${CASECLOCK_LOCAL_DIR:-.local}
[[ $state == /* ]] || state=$root/$state   # relative to the repository, as in run-local.sh
[[ -f $state/stack.env ]] || { echo "no $state/stack.env: start the stack with ./run-local.sh first" >&2; exit 1; }
# shellcheck disable=SC1090,SC1091
source "$state/stack.env"
[[ $# -ge 1 ]] || { sed -n '2,/^set -e/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2; }
tool=$1; shift
case "$tool" in
  topics) main=org.apache.kafka.tools.TopicCommand ;;
  consumer-groups) main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  console-consumer) main=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  get-offsets) main=org.apache.kafka.tools.GetOffsetShell ;;
  *) echo "unknown tool '$tool' (topics, consumer-groups, console-consumer, get-offsets)" >&2; exit 2 ;;
esac
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(cat "$state/tools.classpath")" "$main" \
  --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" "$@"
