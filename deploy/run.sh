#!/usr/bin/env bash
# Starts Dateline (any command: `deploy/run.sh`, `deploy/run.sh user add ...`) from the working directory, so
# ./data is where it would be with java -jar. With the AOT cache built by deploy/aot-cache.sh for this jar and this
# JDK it starts the extracted jar with -XX:AOTCache (first page in well under half the plain start); without one,
# or when the jar was rebuilt since, it runs the jar as built, as on a fresh machine. JAVA_OPTS are passed on;
# without them it uses deploy/java-defaults.sh (the serial collector and a heap that grows as needed up to 512 MB: less memory).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=java-defaults.sh
. "$ROOT/deploy/java-defaults.sh"
AOT_DIR=${DATELINE_AOT_DIR:-$ROOT/target/aot}

JAR=$(ls "$ROOT"/target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR" ] || { echo "No jar in $ROOT/target: run ./mvnw -DskipTests package first" >&2; exit 2; }
CACHE="$AOT_DIR/dateline.aot"
APP_JAR="$AOT_DIR/app/$(basename "$JAR")"

if [ -s "$CACHE" ] && [ -f "$APP_JAR" ] && [ -f "$AOT_DIR/java.txt" ] && [ "$CACHE" -nt "$JAR" ] \
        && [ -x "$(cat "$AOT_DIR/java.txt")" ]; then
    # shellcheck disable=SC2086
    exec "$(cat "$AOT_DIR/java.txt")" -XX:AOTCache="$CACHE" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} \
        -jar "$APP_JAR" "$@"
fi
[ -s "$CACHE" ] && echo "deploy/run.sh: the AOT cache is older than the jar; starting without it (deploy/aot-cache.sh)" >&2

JAVA=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then JAVA="$candidate/bin/java"; break; fi
done
if [ -z "$JAVA" ] && command -v java >/dev/null; then JAVA=java; fi
[ -n "$JAVA" ] || { echo "No Java found: Dateline needs Java 21+" >&2; exit 2; }
# shellcheck disable=SC2086
exec "$JAVA" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$JAR" "$@"
