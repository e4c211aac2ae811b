#!/usr/bin/env bash
# Uncached pages, two builds in the same rounds: starts RENDER_AB_JAR (e.g. the jar before a change, copied to /tmp)
# and this tree's jar, both with the page cache off on fresh data directories with the sample site, then in each
# round loads each page (article, home, section, a search) on one and right after on the other with wrk -t1, and
# prints each one's process CPU per request (utime + stime from /proc over the wrk run, divided by its requests) and
# the ratio new / old. CPU, not wall time: on a shared machine wall time mostly measures the others' load.
# Usage: RENDER_AB_JAR=/tmp/old.jar [RENDER_AB_NEW_JAR=...] bench/render-ab.sh [seconds, 5] [rounds, 3] [connections, 16]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-5}
ROUNDS=${2:-3}
CONNECTIONS=${3:-16}
OLD=${RENDER_AB_JAR:?set RENDER_AB_JAR to the jar to compare against}
command -v wrk >/dev/null || { echo "Skipped: needs wrk (sudo apt-get install -y wrk)" >&2; exit 0; }
JAVA=""
for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
    if [ -x "$candidate" ] && "$candidate" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        JAVA=$candidate; break
    fi
done
[ -n "$JAVA" ] || { echo "No Java 21+ found under /usr/lib/jvm or JAVA_HOME" >&2; exit 2; }
NEW=${RENDER_AB_NEW_JAR:-$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)}
[ -n "$NEW" ] || { echo "No jar in target/: ./mvnw -o -q -DskipTests package first" >&2; exit 2; }
WORK=$(mktemp -d /tmp/dateline-ab-XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

start() { # port jar
    # another engineer's benchmark may use a port: never load (or be loaded by) someone else's server
    if curl -s -o /dev/null "http://127.0.0.1:$1/"; then echo "Port $1 is in use; set RENDER_AB_PORT_OLD/NEW" >&2; exit 2; fi
    DATELINE_DATA_DIR=$WORK/data-$1 PORT=$1 DATELINE_BASE_URL=http://127.0.0.1:$1 "$JAVA" \
        --enable-native-access=ALL-UNNAMED -Xmx512m -jar "$2" --dateline.cache.enabled=false \
        --dateline.search.rate-limit.per-minute=0 --logging.level.root=WARN ${RENDER_AB_ARGS:-} \
        >"$WORK/dateline-$1.log" 2>&1 &
    PIDS+=($!)
}
wait_up() { # port
    for _ in $(seq 1 3000); do
        curl -sf "http://127.0.0.1:$1/" 2>/dev/null | grep -q 'class="card-title"' && return
        sleep 0.1
    done
    echo "Dateline on port $1 did not start; see $WORK/dateline-$1.log" >&2; exit 1
}
PORT_OLD=${RENDER_AB_PORT_OLD:-18795}; PORT_NEW=${RENDER_AB_PORT_NEW:-18796}
start $PORT_OLD "$OLD"; PID_OLD=${PIDS[-1]}
start $PORT_NEW "$NEW"; PID_NEW=${PIDS[-1]}
wait_up $PORT_OLD; wait_up $PORT_NEW
ARTICLE=$(curl -s "http://127.0.0.1:$PORT_NEW/" | grep -o 'class="card-title"><a href="[^"]*"' \
    | sed -n '1{s/.*href="//;s/"$//;p}')
WORD=$(echo "$ARTICLE" | sed 's/.*\///; s/-.*//')
PAGES=("article $ARTICLE" "home /" "section ${ARTICLE%/*}/" "search /search?q=$WORD")
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
measure() { # pid port path -> "cpu_us_per_request req_per_s"
    local before after out requests
    before=$(ticks "$1")
    out=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" "http://127.0.0.1:$2$3")
    after=$(ticks "$1")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    awk -v t=$((after - before)) -v n="$requests" -v hz="$HZ" -v rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
        'BEGIN { printf "%.0f %.0f\n", (n > 0 ? t * 1e6 / hz / n : 0), rps }'
}
# the index is built at start: wait until both have the search page's words, then warm up the JIT on every page
echo "old $OLD, new $NEW; warming up (load $(uptime | sed 's/.*load average: //'))"
for page in "${PAGES[@]}"; do
    for port in $PORT_OLD $PORT_NEW; do
        wrk -t1 -c"$CONNECTIONS" -d"$((SECONDS_EACH * 2))s" "http://127.0.0.1:$port${page#* }" >/dev/null
    done
done
# Two fresh sites differ in their times (the sample stories are dated from each start), photo sizes made so far
# and the form's stamp: those are masked, and what else differs is saved for reading (pages differing only in them
# count as the same).
mask() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/TIME/g; s/[0-9]{1,2} [A-Z][a-z]+ [0-9]{4}, [0-9]{2}:[0-9]{2} [A-Z]+/TIME/g;
    s/[0-9]+\.[0-9]{13}\.[A-Za-z0-9_-]+/STAMP/g; s/127\.0\.0\.1:[0-9]+/HOST/g'; }
for page in "${PAGES[@]}"; do
    name=${page%% *}
    curl -s "http://127.0.0.1:$PORT_OLD${page#* }" | mask >"$WORK/$name-old.html"
    curl -s "http://127.0.0.1:$PORT_NEW${page#* }" | mask >"$WORK/$name-new.html"
    lines=$(diff "$WORK/$name-old.html" "$WORK/$name-new.html" | grep -c '^[<>]' || true)
    echo "$name: $(wc -c <"$WORK/$name-new.html") bytes, $lines differing lines after masking (diff $WORK/$name-old.html $WORK/$name-new.html)"
done
for round in $(seq 1 "$ROUNDS"); do
    echo; echo "Round $round, load $(uptime | sed 's/.*load average: //')"
    printf '| %-8s | %12s | %12s | %9s | %9s | %9s |\n' page "old CPU/req" "new CPU/req" "new/old" "old r/s" "new r/s"
    for page in "${PAGES[@]}"; do
        read -r old_cpu old_rps < <(measure "$PID_OLD" $PORT_OLD "${page#* }")
        read -r new_cpu new_rps < <(measure "$PID_NEW" $PORT_NEW "${page#* }")
        printf '| %-8s | %9s us | %9s us | %9s | %9s | %9s |\n' "${page%% *}" "$old_cpu" "$new_cpu" \
            "$(awk -v a="$new_cpu" -v b="$old_cpu" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" "$old_rps" "$new_rps"
    done
done
echo; echo "load after: $(uptime | sed 's/.*load average: //')"
