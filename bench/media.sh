#!/usr/bin/env bash
# Photos, in two halves (docs/benchmarks.md, "Photos"):
# 1. Maker: a 24-megapixel JPEG (6000 x 4000, generated) to every derivative (32 files: 5 crops, several widths, JPEG
#    and WebP) in a test JVM: the thread's CPU time per photo for the maker before the speed work and now, interleaved
#    (alternating which goes first), then each step's CPU time, bytes allocated per photo, peak heap (sum of the heap
#    pools' peaks) and the JVM's peak RSS. Runs the JUnit test tagged "bench" (left out of ./mvnw verify).
# 2. Reader: the site from its jar started the operator's way (deploy/java-defaults.sh: serial GC, -Xms32m,
#    MALLOC_ARENA_MAX=2; plus -Xmx256m, the heap docs/benchmarks.md "Memory" suggests; MEDIA_BENCH_HEAP to change
#    it, empty for the JVM's own; SQLite; DATELINE_MEDIA_WORKERS as set, 1 by default), wrk on a cached article idle and while 10 such
#    photos are uploaded and made, in interleaved rounds (bench/MediaReaderLoad.java): the ratio of the two, the time
#    until every derivative of one photo is ready, the workers' own CPU time per photo, the server's peak heap and RSS.
# Figures go to docs/benchmarks.md, with `uptime` (other work on the machine moves them).
#   bench/media.sh                 # both halves: 3 maker runs; 3 reader rounds of 10 s
#   bench/media.sh 5 4 15          # 5 maker runs; 4 reader rounds of 15 s
#   MEDIA_BENCH=reader bench/media.sh   # one half only (maker | reader); MEDIA_BENCH_KEEP=1 keeps the server log
#                                       # in /tmp/dateline-media-bench-app.log
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
. bench/lib.sh
runs="${1:-3}"
ROUNDS="${2:-3}"
SECONDS_PER="${3:-10}"
HALF="${MEDIA_BENCH:-both}"
PORT=${MEDIA_BENCH_PORT:-18190}
uptime

if [ "$HALF" != reader ]; then
    ./mvnw -B -q test -Dtest=MediaDerivativesBenchmark -Dbench.excludedGroups=none -Dmedia.bench.runs="$runs" \
        -DenableAssertions=false -Dsurefire.failIfNoSpecifiedTests=false
    grep 'media bench' target/surefire-reports/news.dateline.media.MediaDerivativesBenchmark-output.txt
    uptime
fi
[ "$HALF" = maker ] && exit 0

if ! command -v wrk >/dev/null; then
    echo "Skipped the reader half: it needs wrk (sudo apt-get install -y wrk)" >&2
    exit 0
fi
bench_java
bench_jar
bench_port_free "$PORT"
bench_workdir media-bench
# MEDIA_BENCH_KEEP=1: the server's log is copied out before the work directory goes.
trap '[ -n "${MEDIA_BENCH_KEEP:-}" ] && cp "$WORK/app.log" /tmp/dateline-media-bench-app.log 2>/dev/null; bench_stop' EXIT

PASSWORD="media bench $(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
bench_admin mediabench "$PASSWORD"
# The operator's way (deploy/java-defaults.sh), with the heap the bench is asked for.
# shellcheck source=../deploy/java-defaults.sh
. deploy/java-defaults.sh
HEAP=${MEDIA_BENCH_HEAP-256m}
# shellcheck disable=SC2086
bench_start ${JAVA_OPTS:-} ${HEAP:+-Xmx$HEAP} ${BENCH_JAVA_OPTS:-} -- \
    --dateline.data.dir="$WORK/data" --dateline.site.base-url="http://127.0.0.1:$PORT" --server.port="$PORT" \
    --logging.level.root=WARN
bench_wait "http://127.0.0.1:$PORT/" 300 'class="card-title"'
# An article of the sample site (a path of two parts that carries the comment form).
ARTICLE=$(for path in $(curl -sf "http://127.0.0.1:$PORT/" | grep -o 'href="/[a-z0-9-]*/[a-z0-9-]\+"' \
        | sed 's/href="//;s/"$//' | sort -u); do
    curl -sf "http://127.0.0.1:$PORT$path" | grep -q 'name="stamp"' && echo "$path"
done | head -1) || true
[ -n "$ARTICLE" ] || { echo "No article found on the home page" >&2; exit 1; }
echo "media reader bench: workers ${DATELINE_MEDIA_WORKERS:-1}, $(nproc) cores, article $ARTICLE," \
    "JVM options: ${JAVA_OPTS:-} ${HEAP:+-Xmx$HEAP} ${BENCH_JAVA_OPTS:-} (MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX)"
"$JAVA" -Xmx1g bench/MediaReaderLoad.java --base "http://127.0.0.1:$PORT" --pid "$APP_PID" --user mediabench \
    --password "$PASSWORD" --path "$ARTICLE" --rounds "$ROUNDS" --seconds "$SECONDS_PER" --uploads 10
echo "server log lines at WARN or above: $(grep -cE ' (WARN|ERROR) ' "$WORK/app.log" || true)"
uptime
