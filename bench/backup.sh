#!/usr/bin/env bash
# Backup benchmark: a site of N stories and N x C comments (the WordPress file bench/wxr-import.sh generates,
# imported with the jar), then
#   - `dateline backup` time and archive size, `dateline restore` time into an empty directory, while the site runs;
#   - reader throughput on a cached article page while backups run back to back, as a ratio to the throughput
#     without a backup, interleaved (quiet, busy, quiet, busy, ...) so drift in the machine's load hits both alike.
# Needs wrk (Debian: apt-get install -y wrk). Not part of the test suite; figures go to docs/benchmarks.md.
#
#   bench/backup.sh [posts=10000] [comments-per-post=5] [seconds=10] [rounds=3]
set -euo pipefail
trap 'echo "bench/backup.sh failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."
POSTS=${1:-10000}
PER_POST=${2:-5}
DURATION=${3:-10}
ROUNDS=${4:-3}
PORT=18090

command -v wrk >/dev/null || { echo "This benchmark needs wrk: sudo apt-get install -y wrk" >&2; exit 2; }
JAVA=""
for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
    if [ -x "$candidate" ] && "$candidate" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        JAVA=$candidate; break
    fi
done
[ -n "$JAVA" ] || { echo "No Java 21+ found" >&2; exit 2; }
JAR=$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ] || [ ! -d target/test-classes/news/dateline/interchange ]; then
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/dateline-*.jar | grep -v original | head -1)
fi

WORK=$(mktemp -d /tmp/dateline-backup-bench-XXXXXX)
SITE_PID=""
cleanup() {
    [ -n "$SITE_PID" ] && kill "$SITE_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
dateline() { "$JAVA" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$JAR" "$@" --dateline.data.url=; }
seconds() { echo "scale=2; ($2 - $1) / 1000000000" | bc; }

echo "Generating and importing $POSTS stories, $((POSTS * PER_POST)) comments ..." >&2
"$JAVA" -cp target/test-classes news.dateline.interchange.WxrGenerator "$WORK/export.xml" "$POSTS" "$PER_POST"
dateline import wxr "$WORK/export.xml" --data-dir="$WORK/data" >"$WORK/import.log" 2>&1

DATELINE_BASE_URL=http://127.0.0.1:$PORT PORT=$PORT "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx512m -jar "$JAR" \
    --dateline.data.dir="$WORK/data" --dateline.data.url= --logging.level.root=WARN >"$WORK/site.log" 2>&1 &
SITE_PID=$!
for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:$PORT/" -o /dev/null && break; sleep 0.2; done
ARTICLE=$(curl -s "http://127.0.0.1:$PORT/" | grep -o 'class="card-title"><a href="[^"]*"' | head -1 | sed 's/.*href="//;s/"$//')
[ -n "$ARTICLE" ] || { echo "No article on the home page; see $WORK/site.log" >&2; exit 1; }
curl -sf "http://127.0.0.1:$PORT$ARTICLE" -o /dev/null   # now cached

started=$(date +%s%N)
dateline backup --data-dir="$WORK/data" --to "$WORK/backups/first.zip" >"$WORK/backup.log" 2>&1
BACKUP_S=$(seconds "$started" "$(date +%s%N)")
SIZE_MB=$(echo "scale=1; $(stat -c %s "$WORK/backups/first.zip") / 1000000" | bc)
DB_MB=$(echo "scale=1; $(stat -c %s "$WORK/data/dateline.db") / 1000000" | bc)
started=$(date +%s%N)
dateline restore "$WORK/backups/first.zip" --data-dir="$WORK/restored" >"$WORK/restore.log" 2>&1
RESTORE_S=$(seconds "$started" "$(date +%s%N)")

rps() { wrk -t1 -c16 -d"${DURATION}s" "http://127.0.0.1:$PORT$ARTICLE" | awk '/Requests\/sec/ {print $2}'; }
busy_rps() {
    ( n=0; while [ ! -f "$WORK/stop" ]; do
        n=$((n + 1)); dateline backup --data-dir="$WORK/data" --to "$WORK/backups/busy-$n.zip" >/dev/null 2>&1
        rm -f "$WORK/backups/busy-$n.zip"
      done ) &
    local loop=$!
    sleep 1   # the backup's JVM is up and copying
    rps
    touch "$WORK/stop"; wait "$loop" 2>/dev/null || true; rm -f "$WORK/stop"
}
wrk -t1 -c16 -d3s "http://127.0.0.1:$PORT$ARTICLE" >/dev/null   # warm-up
QUIET=(); BUSY=()
for round in $(seq 1 "$ROUNDS"); do
    QUIET+=("$(rps)")
    BUSY+=("$(busy_rps)")
    echo "round $round: quiet ${QUIET[-1]} req/s, during backups ${BUSY[-1]} req/s" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
Q=$(median "${QUIET[@]}"); B=$(median "${BUSY[@]}")

echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "| stories | comments | database (MB) | archive (MB) | backup (s) | restore (s) | cached req/s quiet | during backups | ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| $POSTS | $((POSTS * PER_POST)) | $DB_MB | $SIZE_MB | $BACKUP_S | $RESTORE_S | $Q | $B | $(echo "scale=2; $B / $Q" | bc) |"
