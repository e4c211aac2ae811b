#!/usr/bin/env bash
# Cold start, plain against the AOT cache, interleaved in one run: time from launching Java on a fresh data directory
# (migrations, sample site, first admin) to the first 200 on the home page and on an article, and resident memory
# then. Usage: bench/coldstart.sh [pairs=3]
#
#   plain: java -jar target/dateline-*.jar (the jar as built, as on a fresh machine)
#   aot:   deploy/run.sh's way: the extracted jar with -XX:AOTCache=target/aot/dateline.aot (built first by
#          deploy/aot-cache.sh when missing or older than the jar)
#
# Each pair runs plain then AOT on the same machine at nearly the same moment; the ratio AOT/plain per pair and the
# median over pairs are what count on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${1:-3}
PORT=${PORT:-18195}
# Both sides start with the options deploy/run.sh uses (deploy/java-defaults.sh, or JAVA_OPTS), as the cache was trained.
# shellcheck source=../deploy/java-defaults.sh
. deploy/java-defaults.sh

JAR=$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR" ] || { ./mvnw -B -q -DskipTests package; JAR=$(ls target/dateline-*.jar | grep -v original | head -1); }
if [ ! -s target/aot/dateline.aot ] || [ "$JAR" -nt target/aot/dateline.aot ]; then
    deploy/aot-cache.sh
fi
JAVA=$(cat target/aot/java.txt)
APP_JAR="target/aot/app/$(basename "$JAR")"
if curl -s "http://127.0.0.1:$PORT/" -o /dev/null; then
    echo "Port $PORT is already serving; stop that server first." >&2; exit 2
fi

# One start: prints "<first page ms> <first article ms> <RSS MB>".
start() {
    local data pid started home article rss path
    if curl -s "http://127.0.0.1:$PORT/" -o /dev/null; then
        echo "Port $PORT is serving before this start (another process took it); set PORT to a free one." >&2
        exit 2
    fi
    data=$(mktemp -d /tmp/dateline-cold-XXXXXX)
    started=$(date +%s%N)
    DATELINE_DATA_DIR=$data/data PORT=$PORT DATELINE_BASE_URL=http://127.0.0.1:$PORT "$JAVA" "$@" \
        --logging.level.root=WARN >"$data/log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$PORT/" -o /dev/null; do
        kill -0 "$pid" 2>/dev/null || { cat "$data/log" >&2; exit 1; }
        sleep 0.05
    done
    home=$(( ($(date +%s%N) - started) / 1000000 ))
    # The answer must come from the server started here, not from another one that took the port meanwhile.
    ss -ltnp | grep ":$PORT " | grep -q "pid=$pid," || { echo "Port $PORT is not ours: set PORT" >&2; exit 2; }
    # The first article: the sample site is loaded just after the server starts answering.
    path=""
    until [ -n "$path" ]; do
        path=$(curl -sf "http://127.0.0.1:$PORT/" | grep -o 'href="/[a-z0-9-]*/[a-z0-9-]\+"' | sed 's/href="//;s/"$//' \
            | grep -Ev '^/(tag|author|feed|pages|newsroom|media|assets|api|search|actuator)/' | head -1 || true)
        [ -n "$path" ] || sleep 0.05
    done
    curl -sf "http://127.0.0.1:$PORT$path" -o /dev/null
    article=$(( ($(date +%s%N) - started) / 1000000 ))
    rss=$(( $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status") / 1024 ))
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$data"
    echo "$home $article $rss"
}

awk -v n="$(nproc)" '{ printf "load average before: %s %s %s on %s cores\n", $1, $2, $3, n }' /proc/loadavg
echo "| pair | plain: first page (ms) | first article | RSS (MB) | AOT: first page (ms) | first article | RSS (MB) | AOT / plain (first page) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
RATIOS=()
for pair in $(seq 1 "$PAIRS"); do
    read -r p_home p_article p_rss < <(start --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$JAR")
    read -r a_home a_article a_rss < <(start -XX:AOTCache=target/aot/dateline.aot --enable-native-access=ALL-UNNAMED \
        ${JAVA_OPTS:-} -jar "$APP_JAR")
    ratio=$(awk -v a="$a_home" -v p="$p_home" 'BEGIN { printf "%.2f", a / p }')
    RATIOS+=("$ratio")
    echo "| $pair | $p_home | $p_article | $p_rss | $a_home | $a_article | $a_rss | $ratio |"
done
median=$(printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "median AOT / plain (first page): $median (target <= 0.4)"
awk -v n="$(nproc)" '{ printf "load average after: %s %s %s on %s cores\n", $1, $2, $3, n }' /proc/loadavg
