#!/usr/bin/env bash
# Memory after mixed load: resident set (from /proc) and Java heap after 60 s of cached pages, uncached pages and
# comments at once, with the default heap (no -Xmx: the JVM sizes it from the machine's memory).
#
#   bench/memory.sh [seconds=60]     NMT=1 adds -XX:NativeMemoryTracking=summary and prints jcmd VM.native_memory;
#                                    JAVA_OPTS are passed on (to measure a setting); without them the JVM starts
#                                    with deploy/java-defaults.sh, as deploy/run.sh does (JAVA_OPTS= for the JVM's
#                                    own defaults); AOT=1 starts as deploy/run.sh does with the AOT cache
#
# Load (wrk on loopback, and bench/CommentLoad.java): 16 connections on the lead article from the page cache, 4 on
# the same article rendered for one reader each time (a commenter's dateline_pending cookie keeps it out of the
# cache), 8 clients posting comments (moderation open: each one drops that article's cached page).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../deploy/java-defaults.sh
. deploy/java-defaults.sh
SECONDS_TO_RUN=${1:-60}
PORT=${PORT:-18096}
command -v wrk >/dev/null || { echo "wrk not installed: apt-get install -y wrk" >&2; exit 2; }

JAR=$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR" ] || { ./mvnw -B -q -DskipTests package; JAR=$(ls target/dateline-*.jar | grep -v original | head -1); }
JAVA=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then JAVA="$candidate/bin/java"; break; fi
done
[ -n "$JAVA" ] || { echo "No JDK 21+ found under /usr/lib/jvm or JAVA_HOME" >&2; exit 2; }
JCMD="$(dirname "$JAVA")/jcmd"
RUN=(-jar "$JAR")
if [ "${AOT:-0}" = 1 ]; then
    [ -s target/aot/dateline.aot ] && [ target/aot/dateline.aot -nt "$JAR" ] || deploy/aot-cache.sh
    RUN=(-XX:AOTCache=target/aot/dateline.aot -jar "target/aot/app/$(basename "$JAR")")
fi
OPTS=()
[ "${NMT:-0}" = 1 ] && OPTS+=(-XX:NativeMemoryTracking=summary)

WORK=$(mktemp -d /tmp/dateline-memory-XXXXXX)
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

BASE="http://127.0.0.1:$PORT"
if curl -s "$BASE/" -o /dev/null; then
    echo "Port $PORT is already serving (another engineer's server?); set PORT to a free one." >&2; exit 2
fi
# shellcheck disable=SC2086
"$JAVA" --enable-native-access=ALL-UNNAMED "${OPTS[@]}" ${JAVA_OPTS:-} "${RUN[@]}" \
    --server.port="$PORT" --dateline.data.dir="$WORK/data" --dateline.site.base-url="$BASE" \
    --dateline.comments.moderation=open --dateline.trusted-proxies=127.0.0.1 \
    --dateline.comments.rate-limits.per-ip-per-minute=100000000 --dateline.comments.rate-limits.per-ip-per-hour=100000000 \
    --dateline.comments.rate-limits.per-email-per-minute=100000000 --dateline.comments.rate-limits.per-email-per-hour=100000000 \
    --logging.level.root=WARN >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
    curl -sf "$BASE/" -o "$WORK/home.html" 2>/dev/null && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
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
[ -n "$ARTICLE" ] || { echo "No article found on the home page" >&2; exit 1; }

rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status"; }
heap() { "$JCMD" "$APP_PID" GC.heap_info | awk '/garbage-first heap|DefNew|Tenured|def new generation|tenured generation/ { sub(/^ +/, ""); sub(/ \[.*/, ""); printf "%s; ", $0 }'; }
echo "started: RSS $(rss) MB; heap: $(heap)"
awk -v n="$(nproc)" '{ printf "load average before: %s %s %s on %s cores\n", $1, $2, $3, n }' /proc/loadavg

wrk -t1 -c16 -d"${SECONDS_TO_RUN}s" "$BASE$ARTICLE" >"$WORK/cached.txt" &
WRK1=$!
wrk -t1 -c4 -d"${SECONDS_TO_RUN}s" -H "Cookie: dateline_pending=bench0000000000000000000000" "$BASE$ARTICLE" \
    >"$WORK/uncached.txt" &
WRK2=$!
"$JAVA" bench/CommentLoad.java --base "$BASE" --paths "$ARTICLE" --seconds "$SECONDS_TO_RUN" --warmup 1 \
    --clients 8 --out "$WORK/acked.txt" >"$WORK/comments.txt"
wait "$WRK1" "$WRK2"

echo "cached article:   $(awk '/Requests\/sec/ { print $2 }' "$WORK/cached.txt") requests/s"
echo "uncached article: $(awk '/Requests\/sec/ { print $2 }' "$WORK/uncached.txt") requests/s"
echo "comments:         $(sed -n 's/^RESULT comments_per_s=\([0-9]*\).*/\1/p' "$WORK/comments.txt")/s acknowledged"
echo "after ${SECONDS_TO_RUN} s of mixed load: RSS $(rss) MB; heap: $(heap)"
"$JCMD" "$APP_PID" VM.flags | tr ' ' '\n' | grep -E 'MaxHeapSize|InitialHeapSize|UseG1GC|UseSerialGC|UseParallelGC' \
    | paste -sd' ' | sed 's/^/flags: /'
echo "threads: $(ls "/proc/$APP_PID/task" | wc -l)"
if [ "${NMT:-0}" = 1 ]; then
    "$JCMD" "$APP_PID" VM.native_memory summary | grep -E '^(Total|-)|committed=' | grep -E 'Total|^-' \
        | sed 's/^-  */  /' | head -30
    echo "largest heap classes (after a full GC):"
    "$JCMD" "$APP_PID" GC.class_histogram | sed -n '1,15p'
    echo "after that full GC: RSS $(rss) MB; heap: $(heap)"
fi
awk -v n="$(nproc)" '{ printf "load average after: %s %s %s on %s cores\n", $1, $2, $3, n }' /proc/loadavg
