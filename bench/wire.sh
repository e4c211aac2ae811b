#!/usr/bin/env bash
# Wire desk benchmark (docs/wire.md, docs/benchmarks.md): the jar on SQLite with a fresh data directory, then
# bench/wire.py measures items per second ingested from the folder (ninjs and NewsML-G2, 3 versions each) against
# a reference (the same files read, parsed and copied by Python), interleaved round by round; file-to-desk latency
# at a trickle; and kill-to-withdrawn time on a cached article page. Reports the server's resident memory and the
# load average. Not part of the test suite.
#
#   bench/wire.sh [items=10000] [rounds=3] [trickle-items=100] [trickle-rate=10] [kills=5]
set -euo pipefail
trap 'echo "bench/wire.sh failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."
ITEMS=${1:-10000}
ROUNDS=${2:-3}
TRICKLE=${3:-100}
RATE=${4:-10}
KILLS=${5:-5}
PORT=18095

JAVA=""
for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
    if [ -x "$candidate" ] && "$candidate" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        JAVA=$candidate; break
    fi
done
[ -n "$JAVA" ] || { echo "No Java 21+ found" >&2; exit 2; }
JAR=$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/dateline-*.jar | grep -v original | head -1)
fi
if curl -s "http://127.0.0.1:$PORT/" -o /dev/null; then
    echo "Port $PORT is already serving; stop that server first." >&2; exit 2
fi

WORK=$(mktemp -d /tmp/dateline-wire-bench-XXXXXX)
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

PASSWORD="wire bench $(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
ARGS=(--dateline.data.dir="$WORK/data" --dateline.site.base-url="http://127.0.0.1:$PORT" --server.port="$PORT"
    --dateline.trusted-proxies=127.0.0.1 --dateline.search.rate-limit.per-minute=0 --logging.level.root=WARN)
DATELINE_DATA_DIR="$WORK/data" DATELINE_PASSWORD=$PASSWORD "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" \
    user add wirebench --role admin >"$WORK/user.log" 2>&1 || { cat "$WORK/user.log"; exit 1; }
"$JAVA" --enable-native-access=ALL-UNNAMED -Xms256m -Xmx768m ${BENCH_JAVA_OPTS:-} -jar "$JAR" "${ARGS[@]}" \
    >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 1
done

echo "bench/wire.sh on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uptime | sed 's/.*load/load/')"
python3 bench/wire.py "http://127.0.0.1:$PORT" "$WORK/data" wirebench "$PASSWORD" "$ITEMS" "$ROUNDS" "$TRICKLE" \
    "$RATE" "$KILLS"
echo "server resident memory: $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MB (-Xmx768m)"
echo "server log lines at WARN or above: $(grep -cE ' (WARN|ERROR) ' "$WORK/app.log" || true)"
echo "$(uptime | sed 's/.*load/load/') on $(nproc) cores"
