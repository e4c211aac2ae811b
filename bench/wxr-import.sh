#!/usr/bin/env bash
# WordPress import benchmark: generates a WXR export (10,000 posts, 50,000 comments by default), imports it with
# the built jar into a fresh SQLite data directory, and reports wall time, posts/s and the peak resident memory
# of the import process (GNU time). Not part of the test suite; figures go to docs/benchmarks.md.
#
#   bench/wxr-import.sh [posts=10000] [comments-per-post=5]
set -euo pipefail
trap 'echo "bench/wxr-import.sh failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."
POSTS=${1:-10000}
PER_POST=${2:-5}

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

WORK=$(mktemp -d /tmp/dateline-wxr-XXXXXX)
"$JAVA" -cp target/test-classes news.dateline.interchange.WxrGenerator "$WORK/export.xml" "$POSTS" "$PER_POST"

TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "GNU time (/usr/bin/time) is needed for peak memory" >&2; exit 2; }
started=$(date +%s%N)
"$TIME" -v "$JAVA" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$JAR" import wxr "$WORK/export.xml" \
    --dateline.data.dir="$WORK/data" --dateline.data.url= >"$WORK/out" 2>"$WORK/err"
ended=$(date +%s%N)
cat "$WORK/out"
wall=$(echo "scale=1; ($ended - $started) / 1000000000" | bc)
rss=$(grep 'Maximum resident set size' "$WORK/err" | awk '{print int($6 / 1024)}')
cpu=$(grep -E 'User time|System time' "$WORK/err" | awk '{s += $NF} END {printf "%.1f", s}')
import_s=$(grep -oE 'Took [0-9.]+ s' "$WORK/out" | grep -oE '[0-9.]+')
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "| posts | comments | file (MB) | process wall (s) | process CPU (s) | import (s) | posts/s | peak RSS (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| $POSTS | $((POSTS * PER_POST)) | $(( $(stat -c %s "$WORK/export.xml") / 1000000 )) | $wall | $cpu | $import_s |" \
     "$(echo "$POSTS / $import_s" | bc) | $rss |"
rm -rf "$WORK"
