#!/usr/bin/env sh
# Runs the Clio sandbox standalone. Usage: clio-sandbox/run-sandbox.sh [ClioSandboxMain options], e.g. --port 8090 --seed my.json
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
if [ ! -f "$here/target/classes/com/caseclock/cliosandbox/ClioSandboxMain.class" ] || [ ! -f "$here/target/classpath.txt" ]; then
  ./mvnw -q -pl clio-sandbox install -DskipTests
  ./mvnw -q -pl clio-sandbox dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
fi
exec java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" com.caseclock.cliosandbox.ClioSandboxMain "$@"
