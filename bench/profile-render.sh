#!/usr/bin/env bash
# Where an uncached article's CPU goes: starts the jar with the page cache off on a fresh data dir with the sample
# site, loads one article with wrk -t1 -c16 (10 s warm-up, then the recorded run), records it with JFR and prints
# the samples by group (templates, SQL, comment section, JSON-LD, security, ...) and the top self frames
# (bench/JfrTopFrames.java). Usage: bench/profile-render.sh [seconds] [path]  (default 30, the lead article).
# PROFILE_CACHE=true profiles page-cache hits instead (the cache on; the warm-up fills it); PROFILE_CONNECTIONS sets
# wrk's connections (16).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30}
PORT=${PROFILE_PORT:-18191}
command -v wrk >/dev/null || { echo "This profile needs wrk: sudo apt-get install -y wrk" >&2; exit 2; }
JDK=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/jcmd" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        JDK=$candidate; break
    fi
done
[ -n "$JDK" ] || { echo "No JDK 21+ (with jcmd) found under /usr/lib/jvm or JAVA_HOME" >&2; exit 2; }
JAR=$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
    ./mvnw -B -q -o -DskipTests package
    JAR=$(ls target/dateline-*.jar | grep -v original | head -1)
fi
WORK=$(mktemp -d /tmp/dateline-profile-XXXXXX)
DATELINE_DATA_DIR=$WORK/data PORT=$PORT DATELINE_BASE_URL=http://127.0.0.1:$PORT "$JDK/bin/java" \
    --enable-native-access=ALL-UNNAMED -Xmx512m ${PROFILE_JAVA_OPTS:-} -jar "$JAR" --dateline.cache.enabled="${PROFILE_CACHE:-false}" \
    >"$WORK/dateline.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait 2>/dev/null || true' EXIT
# up, and the sample site loaded (it is written after the server starts listening)
for _ in $(seq 1 1800); do
    kill -0 $PID 2>/dev/null || { echo "Dateline stopped; see $WORK/dateline.log" >&2; exit 1; }
    curl -sf "http://127.0.0.1:$PORT/" 2>/dev/null | grep -q 'class="card-title"' && break
    sleep 0.2
done
# sed reads to the end: with pipefail, head closing the pipe early would fail the script
ARTICLE=${2:-$(curl -s "http://127.0.0.1:$PORT/" | grep -o 'class="card-title"><a href="[^"]*"' \
    | sed -n '1{s/.*href="//;s/"$//;p}')}
URL="http://127.0.0.1:$PORT$ARTICLE"
echo "Profiling $URL ($(curl -s "$URL" | wc -c) bytes), load: $(uptime | sed 's/.*load average: //')" >&2
wrk -t1 -c"${PROFILE_CONNECTIONS:-16}" -d10s "$URL" >/dev/null
"$JDK/bin/jcmd" $PID JFR.start name=render settings=profile filename="$WORK/render.jfr" >/dev/null
wrk -t1 -c"${PROFILE_CONNECTIONS:-16}" -d"${DURATION}s" --latency "$URL" | grep -E 'Requests/sec|^ +(50|99)%|Non-2xx|errors' >&2
"$JDK/bin/jcmd" $PID JFR.stop name=render >/dev/null
"$JDK/bin/java" bench/JfrTopFrames.java "$WORK/render.jfr" "${TOP:-25}"
echo "Recording: $WORK/render.jfr (jfr print --events jdk.ExecutionSample ...)" >&2
