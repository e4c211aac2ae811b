#!/usr/bin/env bash
# Comment write benchmark: many concurrent clients post comments for a while, then every comment the server
# acknowledged with 303 must be in the database exactly once. Prints comments/s and latency percentiles.
#
#   bench/comments.sh [sqlite|postgresql] [seconds=30] [clients=64] [moderation=open]
#
# Builds the jar if there is none, starts it on a fresh data directory with rate limits off, and for postgresql
# starts a throw-away server on loopback from Debian's packages (apt-get install postgresql). Not part of the
# test suite; figures go to docs/benchmarks.md.
set -euo pipefail
trap 'echo "bench/comments.sh failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."

DB=${1:-sqlite}
SECONDS_TO_RUN=${2:-30}
CLIENTS=${3:-64}
MODERATION=${4:-open}
PORT=${PORT:-18090}
PG_PORT=${PG_PORT:-15433}

java_21() {
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [ -x "$candidate/bin/java" ] || continue
        version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
        if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate/bin/java"; return; fi
    done
    echo "No JDK 21+ found under /usr/lib/jvm or JAVA_HOME" >&2; exit 1
}
JAVA=$(java_21)

JAR=$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
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

echo "Starting $JAR on $DB (moderation=$MODERATION, rate limits off)"
"$JAVA" --enable-native-access=ALL-UNNAMED -Xms512m -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$JAR" \
    --server.port="$PORT" --dateline.data.dir="$WORK/data" "${DB_ARGS[@]}" \
    --dateline.comments.rate-limits.enabled=false --dateline.comments.moderation="$MODERATION" \
    --dateline.trusted-proxies=127.0.0.1 --dateline.site.base-url="http://127.0.0.1:$PORT" \
    --logging.level.root=WARN >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 1
done

# Spread the load over a few published stories, as comments on a news site are.
PATHS=$(curl -sf "http://127.0.0.1:$PORT/" | grep -o 'href="/[a-z0-9-]*/[a-z0-9-]\+"' | sed 's/href="//;s/"$//' \
    | grep -v '^/tag/\|^/author/' | sort -u | head -5 | paste -sd, -)
[ -n "$PATHS" ] || { echo "No article found on the home page" >&2; exit 1; }

"$JAVA" bench/CommentLoad.java --base "http://127.0.0.1:$PORT" --paths "$PATHS" --seconds "$SECONDS_TO_RUN" \
    --warmup 5 --clients "$CLIENTS" --out "$WORK/acked.txt" --run "run$$"

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

# The same harness against a trivial endpoint on the same server: what this machine gives any request right now
# (other work on a shared 2-core machine moves every figure; this one moves with it).
if [ "${BASELINE:-1}" = 1 ]; then
    echo "Baseline: GET /actuator/health with the same clients"
    "$JAVA" bench/CommentLoad.java --base "http://127.0.0.1:$PORT" --paths "${PATHS%%,*}" --seconds 10 --warmup 2 \
        --clients "$CLIENTS" --out "$WORK/probe.txt" --probe /actuator/health | grep -E "answered|latency" | sed 's/^/  /'
    awk -v n="$(nproc)" '{ printf "  load average (1 min) %s on %s cores\n", $1, n }' /proc/loadavg
fi
