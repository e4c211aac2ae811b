#!/usr/bin/env bash
# Page-serving benchmark in interleaved rounds: nginx serving the saved bytes of each page, Dateline with its page
# cache (hits), and Dateline with the cache off (every request rendered), one after the other in each round, so all
# three see the same machine at the same moment. Pages: an article, the home page, a section and a search; each
# plain and gzip (nginx serves the saved .gz with gzip_static). Per round it prints each page's req/s, p99 and the
# ratios to nginx, then the median ratio of all rounds against the issue-20 targets (docs/benchmarks.md).
# Needs wrk and nginx (Debian: apt-get install -y wrk nginx-light); skips with a message when either is absent.
# Usage: bench/pages.sh [seconds per measurement, 5] [rounds, 3] [connections, 64]
# A second cached instance, measured right after the first in every round (its hits only) so that two builds or two
# settings see the same machine: PAGES_ALT_JAR (another jar, e.g. the one before a change; default the same jar) and
# PAGES_ALT_ARGS (its extra arguments, e.g. "--spring.threads.virtual.enabled=false --server.tomcat.threads.max=8").
# Each hit line then also gives both instances' CPU per request (utime + stime from /proc, over the whole wrk run,
# divided by its requests). PAGES_ONLY="article home" measures only those pages; PAGES_ARGS goes to both cached
# instances and the uncached one.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-5}
ROUNDS=${2:-3}
CONNECTIONS=${3:-64}
PORT_CACHED=${PAGES_PORT_CACHED:-18180}
PORT_UNCACHED=${PAGES_PORT_UNCACHED:-18182}
PORT_NGINX=${PAGES_PORT_NGINX:-18181}
PORT_ALT=${PAGES_PORT_ALT:-18183}
ALT=""
[ -n "${PAGES_ALT_JAR:-}${PAGES_ALT_ARGS:-}" ] && ALT=1
NGINX=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)
if ! command -v wrk >/dev/null || [ -z "$NGINX" ]; then
    echo "Skipped: this benchmark needs wrk and nginx (sudo apt-get install -y wrk nginx-light)" >&2
    exit 0
fi
WORK=$(mktemp -d /tmp/dateline-bench-XXXXXX)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
cleanup() {
    for pidfile in "$WORK"/dateline-*.pid; do [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT

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

start_dateline() { # port cache-enabled [jar [extra arguments]]
    local dir="$WORK/data-$1"
    # search's per-address limit off: every wrk request comes from one address
    # shellcheck disable=SC2086
    DATELINE_DATA_DIR=$dir PORT=$1 DATELINE_BASE_URL=http://127.0.0.1:$1 "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx512m \
        -jar "${3:-$JAR}" --dateline.cache.enabled="$2" --dateline.search.rate-limit.per-minute=0 \
        --logging.level.root=WARN ${PAGES_ARGS:-} ${4:-} >"$WORK/dateline-$1.log" 2>&1 &
    local pid=$!
    echo "$pid" >"$WORK/dateline-$1.pid"   # started inside $(...): the parent knows it by this file only
    local started=$(date +%s%N)
    for _ in $(seq 1 1800); do
        kill -0 "$pid" 2>/dev/null || { echo "Dateline on port $1 stopped; see $WORK/dateline-$1.log" >&2; exit 1; }
        # up, and the sample site loaded (it is written after the server starts listening)
        if curl -sf "http://127.0.0.1:$1/" 2>/dev/null | grep -q 'class="card-title"'; then
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
PID_CACHED=$(cat "$WORK/dateline-$PORT_CACHED.pid")
if [ -n "$ALT" ]; then
    echo "Starting the second cached instance: ${PAGES_ALT_JAR:-$JAR} ${PAGES_ALT_ARGS:-}" >&2
    start_dateline $PORT_ALT true "${PAGES_ALT_JAR:-$JAR}" "${PAGES_ALT_ARGS:-}" >/dev/null
    PID_ALT=$(cat "$WORK/dateline-$PORT_ALT.pid")
fi

# sed reads to the end: with pipefail, head closing the pipe early would fail the script
ARTICLE=$(curl -s "http://127.0.0.1:$PORT_CACHED/" | grep -o 'class="card-title"><a href="[^"]*"' \
    | sed -n '1{s/.*href="//;s/"$//;p}')
SECTION="${ARTICLE%/*}/"
WORD=$(echo "$ARTICLE" | sed 's/.*\///; s/-.*//')
SEARCH="/search?q=$WORD"
PAGES=("article $ARTICLE" "home /" "section $SECTION" "search $SEARCH")
if [ -n "${PAGES_ONLY:-}" ]; then
    chosen=()
    for page in "${PAGES[@]}"; do [[ " $PAGES_ONLY " == *" ${page%% *} "* ]] && chosen+=("$page"); done
    PAGES=("${chosen[@]}")
fi
# nginx serves each page's bytes as the cached instance sends them: directories get index.html, search a file.
file_of() { case "$1" in */) echo "$1index.html" ;; /search*) echo "/search.html" ;; *) echo "$1.html" ;; esac; }
for page in "${PAGES[@]}"; do
    path=${page#* }
    file="$WORK/www$(file_of "$path")"
    mkdir -p "$(dirname "$file")"
    curl -s "http://127.0.0.1:$PORT_CACHED$path" -o "$file"
    gzip -9 -n -k -f "$file"
done

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
    gzip_static on;
    server {
        listen 127.0.0.1:$PORT_NGINX;
        root $WORK/www;
        location = /search { try_files /search.html =404; }
        location / { try_files \$uri.html \$uri/index.html =404; }
    }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
sleep 0.5

measure() { # url connections encoding [pid] -> "req/s p99-ms errors cpu-us-per-request"; p99 "none" if none finished
    local gzip=()
    [ "$3" = gzip ] && gzip=(-H 'Accept-Encoding: gzip')
    local out before=0 after=0
    [ -n "${4:-}" ] && before=$(cpu_ticks "$4")
    out=$(wrk -t1 -c"$2" -d"${DURATION}s" --latency "${gzip[@]}" "$1")
    [ -n "${4:-}" ] && after=$(cpu_ticks "$4")
    echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        / requests in / { total = $1 }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx/ { errors += $NF }
        /Socket errors/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) errors += $i }
        END { printf "%.0f %s %d %.1f\n", rps, (total > 0 ? sprintf("%.2f", p99) : "none"), errors,
            (total > 0 ? ticks * 1000000 / hz / total : 0) }'
}

cpu_ticks() { # utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat)
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
# the median of the numbers read; a p99 of "none" (no request finished) is left out, and "none" is all there is
median() { { grep -vx none || true; } | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "none"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# a p99 as printed: "12.34 ms", or "none finished" when no request did (wrk's 0 would read as a perfect p99)
ms() { if [ "$1" = none ]; then echo "none finished"; else echo "$1 ms"; fi; }

echo "Pages: ${PAGES[*]}; wrk -t1 -c$CONNECTIONS, ${DURATION}s each, $ROUNDS interleaved rounds" >&2
echo "load before: $(uptime | sed 's/.*load average: //')" >&2
for page in "${PAGES[@]}"; do   # warm-up: JIT, the cache filled, Related News ranked
    path=${page#* }
    for port in $PORT_NGINX $PORT_CACHED $PORT_UNCACHED ${ALT:+$PORT_ALT}; do
        wrk -t1 -c16 -d3s "http://127.0.0.1:$port$path" >/dev/null 2>&1
        wrk -t1 -c16 -d2s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$path" >/dev/null 2>&1
    done
done

RATIOS="$WORK/ratios"
: >"$RATIOS"
for round in $(seq 1 "$ROUNDS"); do
    echo
    echo "Round $round, load $(uptime | sed 's/.*load average: //')"
    printf '| %-8s | %-5s | %9s | %9s | %9s | %8s | %8s | %8s | %8s | %9s |' page enc "nginx r/s" "hit r/s" "miss r/s" \
        "hit p99" "miss p99" "hit/ngx" "miss/ngx" "hit CPU"
    [ -n "$ALT" ] && printf ' %9s | %8s | %8s | %9s |' "alt r/s" "alt p99" "alt/ngx" "alt CPU"
    echo
    for page in "${PAGES[@]}"; do
        name=${page%% *}
        path=${page#* }
        for enc in plain gzip; do
            read -r n_rps n_p99 n_err _ <<<"$(measure "http://127.0.0.1:$PORT_NGINX$path" "$CONNECTIONS" $enc)"
            read -r h_rps h_p99 h_err h_cpu <<<"$(measure "http://127.0.0.1:$PORT_CACHED$path" "$CONNECTIONS" $enc \
                "$PID_CACHED")"
            a_err=0
            if [ -n "$ALT" ]; then
                read -r a_rps a_p99 a_err a_cpu <<<"$(measure "http://127.0.0.1:$PORT_ALT$path" "$CONNECTIONS" $enc \
                    "$PID_ALT")"
            fi
            read -r m_rps m_p99 m_err _ <<<"$(measure "http://127.0.0.1:$PORT_UNCACHED$path" "$CONNECTIONS" $enc)"
            hit=$(ratio "$h_rps" "$n_rps")
            miss=$(ratio "$m_rps" "$n_rps")
            printf '| %-8s | %-5s | %9s | %9s | %9s | %9s | %9s | %8s | %8s | %6s us |' "$name" $enc "$n_rps" \
                "$h_rps" "$m_rps" "$(ms "$h_p99")" "$(ms "$m_p99")" "$hit" "$miss" "$h_cpu"
            if [ -n "$ALT" ]; then
                alt=$(ratio "$a_rps" "$n_rps")
                printf ' %9s | %8s | %8s | %6s us |' "$a_rps" "$(ms "$a_p99")" "$alt" "$a_cpu"
                echo "$name $enc alt $alt" >>"$RATIOS"
                echo "$name $enc altcpu $a_cpu" >>"$RATIOS"
                echo "$name $enc altp99 $a_p99" >>"$RATIOS"
            fi
            [ $((n_err + h_err + m_err + a_err)) -gt 0 ] && printf ' errors: nginx %s, hit %s, miss %s, alt %s' \
                "$n_err" "$h_err" "$m_err" "$a_err"
            echo
            echo "$name $enc hitcpu $h_cpu" >>"$RATIOS"
            echo "$name $enc hit $hit" >>"$RATIOS"
            echo "$name $enc miss $miss" >>"$RATIOS"
            echo "$name $enc hitp99 $h_p99" >>"$RATIOS"
        done
    done
    # the issue's p99 target for an uncached article is at 16 connections
    read -r a_rps a_p99 a_err _ <<<"$(measure "http://127.0.0.1:$PORT_UNCACHED$ARTICLE" 16 plain)"
    echo "uncached article at 16 connections: $a_rps req/s, p99 $(ms "$a_p99"), errors $a_err"
    echo "article16 plain missp99 $a_p99" >>"$RATIOS"
done

echo
echo "Median over $ROUNDS rounds (targets, issue 20: hit >= 0.8 x nginx with p99 < 10 ms; uncached article >= 0.05,"
echo "home, section and search >= 0.03; uncached article p99 < 50 ms at 16 connections)"
printf '| %-8s | %-5s | %8s | %8s | %8s | %s |\n' page enc "hit/ngx" "hit p99" "miss/ngx" verdict
for page in "${PAGES[@]}"; do
    name=${page%% *}
    target=0.03
    [ "$name" = article ] && target=0.05
    for enc in plain gzip; do
        hit=$(awk -v n="$name" -v e=$enc '$1 == n && $2 == e && $3 == "hit" { print $4 }' "$RATIOS" | median)
        p99=$(awk -v n="$name" -v e=$enc '$1 == n && $2 == e && $3 == "hitp99" { print $4 }' "$RATIOS" | median)
        miss=$(awk -v n="$name" -v e=$enc '$1 == n && $2 == e && $3 == "miss" { print $4 }' "$RATIOS" | median)
        verdict=$(awk -v h="$hit" -v p="$p99" -v m="$miss" -v t="$target" 'BEGIN {
            printf "hit %s, miss %s", (h >= 0.8 && p != "none" && p < 10 ? "met" : "missed"), (m >= t ? "met" : "missed") }')
        printf '| %-8s | %-5s | %8s | %8s | %8s | %s |\n' "$name" $enc "$hit" "$(ms "$p99")" "$miss" "$verdict"
    done
done
if [ -n "$ALT" ]; then
    echo
    echo "Second cached instance (${PAGES_ALT_JAR:-same jar} ${PAGES_ALT_ARGS:-}), median over $ROUNDS rounds; CPU per hit"
    echo "request of each instance, median (microseconds of process CPU, wrk's included in neither)"
    printf '| %-8s | %-5s | %8s | %8s | %8s | %8s | %9s | %9s |\n' page enc "hit/ngx" "alt/ngx" "hit p99" "alt p99" \
        "hit CPU" "alt CPU"
    for page in "${PAGES[@]}"; do
        name=${page%% *}
        for enc in plain gzip; do
            pick() { awk -v n="$name" -v e=$enc -v k="$1" '$1 == n && $2 == e && $3 == k { print $4 }' "$RATIOS" | median; }
            printf '| %-8s | %-5s | %8s | %8s | %8s | %8s | %6s us | %6s us |\n' "$name" $enc "$(pick hit)" \
                "$(pick alt)" "$(ms "$(pick hitp99)")" "$(ms "$(pick altp99)")" "$(pick hitcpu)" "$(pick altcpu)"
        done
    done
fi
p99=$(awk '$1 == "article16" { print $4 }' "$RATIOS" | median)
echo "uncached article p99 at 16 connections, median: $(ms "$p99") ($(awk -v p="$p99" 'BEGIN { print (p != "none" && p < 50 ? "met" : "missed") }'))"
RSS_MB=$(( $(ps -o rss= -p "$PID_CACHED") / 1024 ))
echo "load after: $(uptime | sed 's/.*load average: //'); cold start of the cached instance to its first page: ${COLD_MS} ms; its RSS: ${RSS_MB} MB"
