#!/usr/bin/env bash
# Page-serving benchmark: Dateline (cached and uncached) against nginx serving the same article bytes.
# One run: builds the jar if needed, starts Dateline on a fresh data dir with the sample site, saves one
# article's HTML, serves that file from nginx, and measures each with wrk -t1 (warm-up, then 3 x 15 s, median).
# Needs wrk and nginx (Debian: apt-get install -y wrk nginx-light). Usage: bench/pages.sh [seconds] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-15}
RUNS=${2:-3}
PORT_CACHED=18080
PORT_UNCACHED=18082
PORT_NGINX=18081
WORK=$(mktemp -d /tmp/dateline-bench-XXXXXX)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT

need() {
    if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$1" ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "Installing $2 ..." >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
        else
            echo "This benchmark needs $1: sudo apt-get install -y $2" >&2
            exit 2
        fi
    fi
}
need wrk wrk
need nginx nginx-light
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

JAVA=""
for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
    if [ -x "$candidate" ] && "$candidate" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        JAVA=$candidate; break
    fi
done
[ -n "$JAVA" ] || { echo "No Java 21+ found under /usr/lib/jvm or JAVA_HOME" >&2; exit 2; }

JAR=$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/dateline-*.jar | grep -v original | head -1)
fi

start_dateline() { # port cache-enabled
    local dir="$WORK/data-$1"
    DATELINE_DATA_DIR=$dir PORT=$1 DATELINE_BASE_URL=http://127.0.0.1:$1 "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx512m \
        -jar "$JAR" --dateline.cache.enabled="$2" --logging.level.root=WARN >"$WORK/dateline-$1.log" 2>&1 &
    PIDS+=($!)
    local started=$(date +%s%N)
    for _ in $(seq 1 600); do
        if curl -sf "http://127.0.0.1:$1/" -o /dev/null; then
            echo "$(( ($(date +%s%N) - started) / 1000000 ))"
            return
        fi
        sleep 0.1
    done
    echo "Dateline on port $1 did not start; see $WORK/dateline-$1.log" >&2
    exit 1
}

echo "Starting Dateline (cached) and Dateline (uncached) ..." >&2
COLD_MS=$(start_dateline $PORT_CACHED true)
start_dateline $PORT_UNCACHED false >/dev/null
PID_CACHED=${PIDS[0]}

ARTICLE=$(curl -s "http://127.0.0.1:$PORT_CACHED/" | grep -o 'class="card-title"><a href="[^"]*"' | head -1 | sed 's/.*href="//;s/"$//')
mkdir -p "$WORK/www$(dirname "$ARTICLE")"
curl -s "http://127.0.0.1:$PORT_CACHED$ARTICLE" -o "$WORK/www$ARTICLE"
BYTES=$(wc -c <"$WORK/www$ARTICLE")

cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    sendfile on;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$PORT_NGINX;
        root $WORK/www;
        location / { try_files \$uri =404; }
    }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
sleep 0.5

measure() { # name url connections -> "req/s p50 p99 errors"
    local results=()
    wrk -t1 -c"$3" -d3s "$2" >/dev/null 2>&1   # warm-up
    for _ in $(seq 1 "$RUNS"); do
        local out
        out=$(wrk -t1 -c"$3" -d"${DURATION}s" --latency "$2")
        local rps p50 p99 errors
        rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        p50=$(echo "$out" | awk '$1=="50%" {print $2}')
        p99=$(echo "$out" | awk '$1=="99%" {print $2}')
        errors=$(echo "$out" | awk '/Non-2xx/ {t+=$NF} /Socket errors/ {gsub(/[^0-9 ]/," "); for(i=1;i<=NF;i++) t+=$i} END {print t+0}')
        results+=("$rps $p50 $p99 $errors")
    done
    printf '%s\n' "${results[@]}" | sort -n -k1 | sed -n "$(( (RUNS + 1) / 2 ))p"
}

echo "Article: $ARTICLE ($BYTES bytes); wrk -t1, ${DURATION}s x $RUNS runs, median by req/s" >&2
NGINX16=$(measure nginx "http://127.0.0.1:$PORT_NGINX$ARTICLE" 16)
NGINX64=$(measure nginx "http://127.0.0.1:$PORT_NGINX$ARTICLE" 64)
CACHED16=$(measure cached "http://127.0.0.1:$PORT_CACHED$ARTICLE" 16)
CACHED64=$(measure cached "http://127.0.0.1:$PORT_CACHED$ARTICLE" 64)
UNCACHED16=$(measure uncached "http://127.0.0.1:$PORT_UNCACHED$ARTICLE" 16)
RSS_MB=$(( $(ps -o rss= -p "$PID_CACHED") / 1024 ))

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { # label result reference
    set -- "$1" $2 "$3"
    printf '| %-28s | %10s | %8s | %8s | %6s | %s |\n' "$1" "$2" "$3" "$4" "$5" "$6"
}
echo
echo "| target                       |      req/s |      p50 |      p99 | errors | vs nginx |"
echo "|------------------------------|-----------:|---------:|---------:|-------:|----------|"
row "nginx static, 16 conn" "$NGINX16" "1.00"
row "nginx static, 64 conn" "$NGINX64" "1.00"
row "Dateline cached, 16 conn" "$CACHED16" "$(ratio "${CACHED16%% *}" "${NGINX16%% *}")"
row "Dateline cached, 64 conn" "$CACHED64" "$(ratio "${CACHED64%% *}" "${NGINX64%% *}")"
row "Dateline uncached, 16 conn" "$UNCACHED16" "$(ratio "${UNCACHED16%% *}" "${NGINX16%% *}")"
echo
echo "Dateline cold start to first page: ${COLD_MS} ms; resident memory after the runs: ${RSS_MB} MB"
