#!/usr/bin/env bash
# Soak: mixed load for a long while, to see errors, latency and memory over time (issue 21). Cached and uncached
# reads, comments, searches, and a story published through the newsroom each minute (which drops the page cache).
# Prints per minute: requests, errors, p99 latency and the server's resident memory. Target: 0 errors, and RSS flat
# within 10 % after the first 5 minutes.
#
#   bench/soak.sh [sqlite]            SOAK_MINUTES=30 (default), SOAK_CLIENTS=16
#
# Builds the jar if there is none and starts it on a fresh data directory with the comment and search limits off
# (one machine plays every reader). Not part of the test suite; figures go to docs/benchmarks.md. On a shared
# machine keep it short (SOAK_MINUTES=3).
set -euo pipefail
trap 'echo "bench/soak.sh failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
. bench/lib.sh

MINUTES=${SOAK_MINUTES:-30}
CLIENTS=${SOAK_CLIENTS:-16}
PORT=${PORT:-18096}

bench_java
bench_jar
bench_port_free "$PORT"
bench_workdir soak

PASSWORD="soak desk $(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
ARGS=(--dateline.data.dir="$WORK/data" --dateline.site.base-url="http://127.0.0.1:$PORT" --server.port="$PORT"
    --dateline.trusted-proxies=127.0.0.1 --dateline.comments.rate-limits.enabled=false
    --dateline.search.rate-limit.per-minute=0 --logging.level.root=WARN)
bench_admin soak "$PASSWORD"

echo "Starting $JAR (SQLite, limits off) for $MINUTES minutes, $CLIENTS clients"
bench_start -Xms256m -Xmx768m ${BENCH_JAVA_OPTS:-} -- "${ARGS[@]}"
bench_wait "http://127.0.0.1:$PORT/actuator/health" 120

# Articles only: a page with the comment form on it (the home page also links feeds, tags and authors).
PATHS=$(for path in $(curl -sf "http://127.0.0.1:$PORT/" | grep -o 'href="/[a-z0-9-]*/[a-z0-9-]\+"' \
        | sed 's/href="//;s/"$//' | sort -u); do
    curl -sf "http://127.0.0.1:$PORT$path" | grep -q 'name="stamp"' && echo "$path"
done | head -8 | paste -sd, -) || true
[ -n "$PATHS" ] || { echo "No article found on the home page" >&2; exit 1; }

status=0
"$JAVA" bench/SoakLoad.java --base "http://127.0.0.1:$PORT" --pid "$APP_PID" --minutes "$MINUTES" \
    --clients "$CLIENTS" --paths "$PATHS" --user soak --password "$PASSWORD" || status=$?
echo "server log lines at WARN or above: $(grep -cE ' (WARN|ERROR) ' "$WORK/app.log" || true)"
awk -v n="$(nproc)" '{ printf "load average (1 min) %s on %s cores\n", $1, n }' /proc/loadavg
exit $status
