#!/usr/bin/env bash
# Builds the JDK 25 AOT cache (JEP 483/514/515) that deploy/run.sh starts Dateline with:
#
#   deploy/aot-cache.sh            # after every ./mvnw package; needs a JDK 25+ under /usr/lib/jvm or JAVA_HOME
#
# 1. Extracts the jar into target/aot/app/ (the application jar and lib/): an AOT cache holds only classes loaded
#    from plain jars on the class path, not from the jars nested inside Spring Boot's executable jar.
# 2. A training run with -XX:AOTCacheOutput: starts on a throw-away data directory (migrations, the sample site, the
#    first admin), reads a few reader pages, posts a comment, and stops cleanly; the JVM then writes the classes it
#    loaded and linked, and the method profiles it gathered, to target/aot/dateline.aot.
#
# The cache belongs to this jar and this JDK: deploy/run.sh uses it only when it is newer than the jar and the JDK is
# the one recorded here, and otherwise starts without it (and says so). Nothing from the training run is kept.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
AOT_DIR=${DATELINE_AOT_DIR:-$ROOT/target/aot}
# The training run uses the options deploy/run.sh starts with, so the cache matches them (the collector included).
# shellcheck source=java-defaults.sh
. "$ROOT/deploy/java-defaults.sh"
PORT=${TRAINING_PORT:-18097}

JAVA=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then JAVA="$candidate/bin/java"; break; fi
done
[ -n "$JAVA" ] || { echo "An AOT cache needs a JDK 25+ (none under JAVA_HOME or /usr/lib/jvm)" >&2; exit 2; }

JAR=$(ls "$ROOT"/target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
    JAR=$(ls "$ROOT"/target/dateline-*.jar | grep -v original | head -1)
fi
if curl -s "http://127.0.0.1:$PORT/" -o /dev/null; then
    echo "Port $PORT is already serving; set TRAINING_PORT to a free one." >&2; exit 2
fi

rm -rf "$AOT_DIR"
mkdir -p "$AOT_DIR"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$AOT_DIR/app" >/dev/null
APP_JAR="$AOT_DIR/app/$(basename "$JAR")"

DATA=$(mktemp -d /tmp/dateline-aot-training-XXXXXX)
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    rm -rf "$DATA"
}
trap cleanup EXIT

echo "Training run on a throw-away data directory (this takes a while: the JVM records what it loads)"
BASE="http://127.0.0.1:$PORT"
DATELINE_DATA_DIR="$DATA/data" PORT=$PORT DATELINE_BASE_URL=$BASE \
    "$JAVA" -XX:AOTCacheOutput="$AOT_DIR/dateline.aot" -Xlog:aot=error --enable-native-access=ALL-UNNAMED \
    ${JAVA_OPTS:-} -jar "$APP_JAR" --logging.level.root=WARN >"$DATA/log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
    curl -sf "$BASE/" -o /dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$DATA/log" >&2; exit 1; }
    sleep 0.5
done
# The sample site is loaded just after the server starts answering: wait for its first article on the home page.
ARTICLE=""
for _ in $(seq 1 300); do
    ARTICLE=$(curl -sf "$BASE/" | grep -o 'href="/[a-z0-9-]*/[a-z0-9-]\+"' | sed 's/href="//;s/"$//' \
        | grep -Ev '^/(tag|author|feed|pages|newsroom|media|assets|api|search|actuator)/' | head -1 || true)
    [ -n "$ARTICLE" ] && break
    sleep 0.5
done
SECTION=${ARTICLE%/*}/
for path in / "$ARTICLE" "$SECTION" "/search?q=river" /feed /sitemap.xml /actuator/health/liveness / "$ARTICLE"; do
    curl -s -o /dev/null "$BASE$path"
done
# A comment, so that the POST path is in the cache and its profile too.
STAMP=$(curl -sf "$BASE$ARTICLE" | grep -o 'name="stamp" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//' || true)
if [ -n "$STAMP" ]; then
    curl -s -o /dev/null -H "Origin: $BASE" --data-urlencode "comment=A training comment for the AOT cache." \
        --data-urlencode "author=Training" --data-urlencode "email=training@example.invalid" \
        --data-urlencode "stamp=$STAMP" "$BASE$ARTICLE/comments"
fi
kill "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
[ -s "$AOT_DIR/dateline.aot" ] || { echo "No AOT cache was written:" >&2; tail -20 "$DATA/log" >&2; exit 1; }
echo "$JAVA" >"$AOT_DIR/java.txt"
echo "AOT cache: $AOT_DIR/dateline.aot ($(( $(stat -c %s "$AOT_DIR/dateline.aot") / 1048576 )) MB) for $JAVA"
