#!/usr/bin/env bash
# Cold start: time from launching the jar on a fresh data directory (migrations + sample site) to the first
# 200 on the home page and on an article, and resident memory right after. Usage: bench/coldstart.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
PORT=18095

JAVA=""
for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
    if [ -x "$candidate" ] && "$candidate" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        JAVA=$candidate; break
    fi
done
[ -n "$JAVA" ] || { echo "No Java 21+ found" >&2; exit 2; }
JAR=$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR" ] || { ./mvnw -B -q -DskipTests package; JAR=$(ls target/dateline-*.jar | grep -v original | head -1); }

if curl -s "http://127.0.0.1:$PORT/" -o /dev/null; then
    echo "Port $PORT is already serving; stop that server first." >&2; exit 2
fi
echo "| run | first page (ms) | first article (ms) | RSS after (MB) |"
echo "|----:|----------------:|-------------------:|---------------:|"
for run in $(seq 1 "$RUNS"); do
    DATA=$(mktemp -d /tmp/dateline-cold-XXXXXX)
    started=$(date +%s%N)
    DATELINE_DATA_DIR=$DATA PORT=$PORT DATELINE_BASE_URL=http://127.0.0.1:$PORT "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" \
        --logging.level.root=WARN >"$DATA/log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$PORT/" -o /dev/null; do sleep 0.05; done
    home=$(( ($(date +%s%N) - started) / 1000000 ))
    curl -sf "http://127.0.0.1:$PORT/world/ossel-levee-breach-brennick-evacuation" -o /dev/null
    article=$(( ($(date +%s%N) - started) / 1000000 ))
    rss=$(( $(ps -o rss= -p $pid) / 1024 ))
    echo "| $run | $home | $article | $rss |"
    kill $pid; wait $pid 2>/dev/null || true
    rm -rf "$DATA"
done
