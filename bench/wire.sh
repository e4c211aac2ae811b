#!/usr/bin/env bash
# Wire desk benchmark (docs/wire.md, docs/benchmarks.md): the jar on SQLite with a fresh data directory, then
# bench/wire.py measures items per second ingested from the folder (ninjs and NewsML-G2, 3 versions each) against
# a reference (the same files read, parsed and copied by Python), interleaved round by round; file-to-desk latency
# at a trickle; and kill-to-withdrawn time on a cached article page. Reports the server's resident memory and the
# load average. Not part of the test suite.
#
#   bench/wire.sh [items=10000] [rounds=3] [trickle-items=100] [trickle-rate=10] [kills=5]
set -euo pipefail
trap 'echo "bench/wire.sh failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
. bench/lib.sh
ITEMS=${1:-10000}
ROUNDS=${2:-3}
TRICKLE=${3:-100}
RATE=${4:-10}
KILLS=${5:-5}
PORT=18095

bench_java
bench_jar
bench_port_free "$PORT"
bench_workdir wire-bench

PASSWORD="wire bench $(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
ARGS=(--dateline.data.dir="$WORK/data" --dateline.site.base-url="http://127.0.0.1:$PORT" --server.port="$PORT"
    --dateline.trusted-proxies=127.0.0.1 --dateline.search.rate-limit.per-minute=0 --logging.level.root=WARN)
bench_admin wirebench "$PASSWORD"
bench_start -Xms256m -Xmx768m ${BENCH_JAVA_OPTS:-} -- "${ARGS[@]}"
bench_wait "http://127.0.0.1:$PORT/actuator/health" 180

echo "bench/wire.sh on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uptime | sed 's/.*load/load/')"
python3 bench/wire.py "http://127.0.0.1:$PORT" "$WORK/data" wirebench "$PASSWORD" "$ITEMS" "$ROUNDS" "$TRICKLE" \
    "$RATE" "$KILLS"
echo "server resident memory: $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MB (-Xmx768m)"
echo "server log lines at WARN or above: $(grep -cE ' (WARN|ERROR) ' "$WORK/app.log" || true)"
echo "$(uptime | sed 's/.*load/load/') on $(nproc) cores"
