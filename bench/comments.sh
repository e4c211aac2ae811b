#!/usr/bin/env bash
# Comment write benchmark: many concurrent clients post comments for a while, then every comment the server
# acknowledged with 303 must be in the database exactly once. Prints comments/s and latency percentiles.
#
#   bench/comments.sh [sqlite|postgresql] [seconds per round=10] [clients=64] [moderation=open]
#   ROUNDS=3 (interleaved: yardstick GET /actuator/health/liveness, comments, yardstick, comments, ...)
#   RATE_LIMITS=high (counted, but too high to refuse anyone) | off
#
# Builds the jar if there is none, starts it on a fresh data directory, and for postgresql
# starts a throw-away server on loopback from Debian's packages (apt-get install postgresql). Not part of the
# test suite; figures go to docs/benchmarks.md.
set -euo pipefail
trap 'echo "bench/comments.sh failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."

DB=${1:-sqlite}
SECONDS_TO_RUN=${2:-10}
CLIENTS=${3:-64}
MODERATION=${4:-open}
PORT=${PORT:-18090}
PG_PORT=${PG_PORT:-15433}
ROUNDS=${ROUNDS:-3}
# Every rule still runs in the benchmark: the limits count each post (in memory on SQLite, in the database on
# PostgreSQL), set so high that 64 clients never reach them. RATE_LIMITS=off skips the counting.
if [ "${RATE_LIMITS:-high}" = off ]; then
    LIMIT_ARGS=(--dateline.comments.rate-limits.enabled=false)
else
    LIMIT_ARGS=(--dateline.comments.rate-limits.per-ip-per-minute=100000000
        --dateline.comments.rate-limits.per-ip-per-hour=100000000
        --dateline.comments.rate-limits.per-email-per-minute=100000000
        --dateline.comments.rate-limits.per-email-per-hour=100000000)
fi

java_21() {
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [ -x "$candidate/bin/java" ] || continue
        version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
        if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate/bin/java"; return; fi
    done
    echo "No JDK 21+ found under /usr/lib/jvm or JAVA_HOME" >&2; exit 1
}
JAVA=$(java_21)

JAR=${JAR:-$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ]; then
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/dateline-*.jar | grep -v original | head -1)
fi

WORK=$(mktemp -d /tmp/dateline-comments-bench-XXXXXX)
chmod 755 "$WORK"
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    if [ "$DB" = postgresql ] && [ -d "$WORK/pg" ]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

DB_ARGS=()
if [ "$DB" = postgresql ]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server not installed: apt-get install -y postgresql" >&2; exit 1; }
    mkdir "$WORK/pg" && chown postgres "$WORK/pg"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 >/dev/null
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/log" -w \
        -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=50" start >/dev/null
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE dateline" >/dev/null
    DB_ARGS=(--dateline.data.url="jdbc:postgresql://127.0.0.1:$PG_PORT/dateline" --dateline.data.username=postgres)
fi

if curl -s "http://127.0.0.1:$PORT/" -o /dev/null; then
    echo "Port $PORT is already serving (another engineer's server?); set PORT to a free one." >&2; exit 2
fi
echo "Starting $JAR on $DB (moderation=$MODERATION, rate limits ${RATE_LIMITS:-high})"
"$JAVA" --enable-native-access=ALL-UNNAMED -Xms512m -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$JAR" \
    --server.port="$PORT" --dateline.data.dir="$WORK/data" "${DB_ARGS[@]}" \
    "${LIMIT_ARGS[@]}" --dateline.comments.moderation="$MODERATION" \
    --management.endpoint.health.probes.enabled=true \
    --dateline.trusted-proxies=127.0.0.1 --dateline.site.base-url="http://127.0.0.1:$PORT" \
    --logging.level.root=WARN >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 300); do # a start takes minutes on a loaded machine
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 1
done

# The yardstick is the liveness probe: uncached (the page cache never holds /actuator), no database, no pool; the
# full /actuator/health asks the database with a 500 ms patience and answers 503 on a starved machine.

# Spread the load over a few published stories, as comments on a news site are.
PATHS=$(curl -sf "http://127.0.0.1:$PORT/" | grep -o 'href="/[a-z0-9-]*/[a-z0-9-]\+"' | sed 's/href="//;s/"$//' \
    | grep -v '^/tag/\|^/author/' | sort -u | head -5 | paste -sd, -)
[ -n "$PATHS" ] || { echo "No article found on the home page" >&2; exit 1; }

# JFR=/path/to/file.jfr records the server (profile settings) from the end of start-up to the end of the rounds.
if [ -n "${JFR:-}" ]; then
    "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.start name=bench settings=profile filename="$JFR" >/dev/null
fi
awk -v n="$(nproc)" '{ printf "load average before: %s %s %s on %s cores\n", $1, $2, $3, n }' /proc/loadavg
"$JAVA" bench/CommentLoad.java --base "http://127.0.0.1:$PORT" --paths "$PATHS" --seconds "$SECONDS_TO_RUN" \
    --rounds "$ROUNDS" --warmup "${WARMUP:-15}" --clients "$CLIENTS" --out "$WORK/acked.txt" --run "run$$" \
    --pid "$APP_PID" --probe /actuator/health/liveness
if [ -n "${JFR:-}" ]; then
    "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.stop name=bench >/dev/null && echo "JFR recording: $JFR"
fi
awk -v n="$(nproc)" '{ printf "load average after: %s %s %s on %s cores\n", $1, $2, $3, n }' /proc/loadavg

echo "Checking that every acknowledged comment is stored exactly once"
QUERY="SELECT substr(body, 19, instr(substr(body, 19), char(10)) - 1) FROM comment WHERE body LIKE 'Benchmark comment run$$-%'"
if [ "$DB" = postgresql ]; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d dateline -Atc \
        "SELECT split_part(substr(body, 19), chr(10), 1) FROM comment WHERE body LIKE 'Benchmark comment run$$-%'" \
        >"$WORK/stored.txt"
else
    sqlite3 "$WORK/data/dateline.db" "$QUERY" >"$WORK/stored.txt"
fi
sort "$WORK/acked.txt" >"$WORK/acked.sorted"
sort "$WORK/stored.txt" >"$WORK/stored.sorted"
ACKED=$(wc -l <"$WORK/acked.sorted")
STORED=$(wc -l <"$WORK/stored.sorted")
DUPLICATES=$(uniq -d "$WORK/stored.sorted" | wc -l)
MISSING=$(comm -23 "$WORK/acked.sorted" <(uniq "$WORK/stored.sorted") | wc -l)
UNACKED=$(comm -13 "$WORK/acked.sorted" <(uniq "$WORK/stored.sorted") | wc -l)
echo "acknowledged: $ACKED, stored: $STORED, missing: $MISSING, stored twice: $DUPLICATES, stored but not acknowledged: $UNACKED"
if [ "$MISSING" -ne 0 ] || [ "$DUPLICATES" -ne 0 ]; then
    echo "FAIL: acknowledged comments lost or duplicated" >&2
    exit 1
fi
echo "OK: every acknowledged comment is stored exactly once"
