#!/usr/bin/env bash
# The several-node layout on loopback (docs/scaling.md): one PostgreSQL server, three Dateline nodes from the
# built jar, Varnish in front of them and Pushpin beside it.
#
#   deploy/local-cluster.sh start   # prints front=…, node1=…, node2=…, node3=…, pushpin=… once all answer
#   deploy/local-cluster.sh stop    # ends exactly what start began (the pids under $DATELINE_CLUSTER_DIR/pids)
#
# Every DATELINE_* variable of the caller is passed on to each node. Ports: DATELINE_CLUSTER_PORT_BASE (default
# 18000) + 80 front, +81..83 nodes, +99 Pushpin (readers), +61 Pushpin publish, +60/62/63 Pushpin internals,
# +432 PostgreSQL. Build the jar first: ./mvnw -q package -DskipTests.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=${DATELINE_CLUSTER_DIR:-/tmp/dateline-cluster}
BASE=${DATELINE_CLUSTER_PORT_BASE:-18000}
FRONT=$((BASE + 80)); PG=$((BASE + 432)); PUSH=$((BASE + 99)); PUBLISH=$((BASE + 61))
NODES=(1 2 3)
PIDS=$DIR/pids

need() { # package, then a file it provides
    if [ ! -e "$2" ]; then
        if [ "$(id -u)" -ne 0 ]; then echo "missing $2: apt-get install $1" >&2; exit 1; fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
    fi
}

java_bin() { # the newest JDK 21+ under /usr/lib/jvm (the default java may be 17)
    for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
        v=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
        if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$jdk/bin/java"; return; fi
    done
    echo java
}

wait_for() { # url, seconds
    for _ in $(seq 1 $(( $2 * 4 ))); do
        if curl -fs -o /dev/null --max-time 2 "$1"; then return 0; fi
        sleep 0.25
    done
    echo "no answer from $1 within $2 s (logs in $DIR)" >&2
    return 1
}

did_not_start() { # what, its log file: say so with the log's last lines, and fail
    echo "$1 did not start; the last lines of $2:" >&2
    tail -n 20 "$2" >&2 || true
    echo "(what did start is still running: $0 stop)" >&2
    exit 1
}

start() {
    if [ -d "$PIDS" ] && [ -n "$(ls -A "$PIDS" 2>/dev/null)" ]; then
        echo "already started ($PIDS); run: $0 stop" >&2; exit 1
    fi
    need postgresql /usr/lib/postgresql/15/bin/postgres
    need varnish /usr/sbin/varnishd
    need varnish-modules /usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so
    need pushpin /usr/bin/pushpin
    JAR=$(ls target/dateline-*.jar 2>/dev/null | grep -v -e sources -e original | head -1 || true)
    if [ -z "$JAR" ]; then echo "no target/dateline-*.jar: ./mvnw -q package -DskipTests" >&2; exit 1; fi
    mkdir -p "$PIDS" "$DIR/logs"

    # PostgreSQL, as the postgres user when run as root (it refuses to run as root).
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    as_pg=(); if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); chown postgres "$DIR" "$DIR/logs"; fi
    if [ ! -d "$DIR/pg" ]; then
        mkdir -p "$DIR/pg"; [ "$(id -u)" -eq 0 ] && chown postgres "$DIR/pg"
        "${as_pg[@]}" "$PGBIN/initdb" -D "$DIR/pg" -U postgres --auth=trust >"$DIR/logs/initdb.log"
    fi
    "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$DIR/pg" -l "$DIR/logs/postgres.log" -w \
        -o "-p $PG -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null
    cp "$DIR/pg/postmaster.pid" "$PIDS/postgres.pidfile"
    "$PGBIN/psql" -h 127.0.0.1 -p "$PG" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='dateline'" \
        | grep -q 1 || "$PGBIN/createdb" -h 127.0.0.1 -p "$PG" -U postgres dateline

    # The first node migrates and loads the sample site; the others start together once it answers.
    JAVA=$(java_bin)
    for n in "${NODES[@]}"; do
        port=$((BASE + 80 + n))
        mkdir -p "$DIR/node$n"
        env DATELINE_DB_URL="jdbc:postgresql://127.0.0.1:$PG/dateline" DATELINE_DB_USER=postgres \
            DATELINE_DATA_DIR="$DIR/node$n" DATELINE_NODE_ID="node$n" PORT="$port" \
            DATELINE_FRONT_CACHES="${DATELINE_FRONT_CACHES:-http://127.0.0.1:$FRONT}" \
            DATELINE_GRIP_URL="${DATELINE_GRIP_URL:-http://127.0.0.1:$PUBLISH}" \
            DATELINE_HOST_ALIASES="${DATELINE_HOST_ALIASES:-127.0.0.1,localhost}" \
            DATELINE_TRUSTED_PROXIES="${DATELINE_TRUSTED_PROXIES:-127.0.0.1/32}" \
            "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" serve >"$DIR/logs/node$n.log" 2>&1 &
        echo $! >"$PIDS/node$n.pid"
        if [ "$n" -eq 1 ]; then wait_for "http://127.0.0.1:$port/actuator/health" 300; fi
    done
    for n in "${NODES[@]}"; do wait_for "http://127.0.0.1:$((BASE + 80 + n))/actuator/health" 300; done

    # Pushpin beside the front, forwarding held streams to the nodes.
    mkdir -p "$DIR/pushpin/run" "$DIR/pushpin/log"
    # Several targets, space-separated: Pushpin tries the next when one does not answer.
    echo "* 127.0.0.1:$((BASE + 81)) 127.0.0.1:$((BASE + 82)) 127.0.0.1:$((BASE + 83))" >"$DIR/pushpin/routes"
    cat >"$DIR/pushpin/pushpin.conf" <<CONF
[global]
include={libdir}/internal.conf
rundir=$DIR/pushpin/run
ipc_prefix=dateline-
port_offset=0
[runner]
services=condure,zurl,pushpin-proxy,pushpin-handler
http_port=$PUSH
logdir=$DIR/pushpin/log
log_level=2
[proxy]
routesfile=routes
zurl_out_specs=ipc://{rundir}/{ipc_prefix}zurl-in
zurl_out_stream_specs=ipc://{rundir}/{ipc_prefix}zurl-in-stream
zurl_in_specs=ipc://{rundir}/{ipc_prefix}zurl-out
sig_iss=pushpin
sig_key=changeme
[handler]
push_in_spec=tcp://127.0.0.1:$((BASE + 60))
push_in_sub_specs=tcp://127.0.0.1:$((BASE + 62))
push_in_sub_connect=false
push_in_http_addr=127.0.0.1
push_in_http_port=$PUBLISH
stats_spec=ipc://{rundir}/{ipc_prefix}stats
command_spec=tcp://127.0.0.1:$((BASE + 63))
CONF
    pushpin --config "$DIR/pushpin/pushpin.conf" >"$DIR/logs/pushpin.log" 2>&1 &
    echo $! >"$PIDS/pushpin.pid"

    # Varnish in front: the shipped VCL with its nodes part written for these ports.
    mkdir -p "$DIR/varnish"
    awk -v base="$BASE" -v push="$PUSH" '
        /^# --- nodes:/ { skip = 1
            print "# --- nodes: written by deploy/local-cluster.sh"
            for (n = 1; n <= 3; n++) printf "backend node%d { .host = \"127.0.0.1\"; .port = \"%d\"; .probe = dateline_health; }\n", n, base + 80 + n
            printf "backend pushpin { .host = \"127.0.0.1\"; .port = \"%d\"; }\n", push
            print "acl purgers {\n    \"127.0.0.1\";\n}"
            print "sub vcl_init {\n    new nodes = directors.round_robin();"
            for (n = 1; n <= 3; n++) printf "    nodes.add_backend(node%d);\n", n
            print "}\nsub dateline_stream_backend {\n    set req.backend_hint = pushpin;\n}"
            next }
        /^# --- end of nodes/ { skip = 0 }
        !skip { print }' deploy/varnish/dateline.vcl >"$DIR/varnish/dateline.vcl"
    /usr/sbin/varnishd -j none -n "$DIR/varnish/n" -a "127.0.0.1:$FRONT" -T 127.0.0.1:0 \
        -f "$DIR/varnish/dateline.vcl" -s malloc,256m -P "$PIDS/varnish.pid" >"$DIR/logs/varnish.log" 2>&1 \
        || did_not_start varnishd "$DIR/logs/varnish.log"

    wait_for "http://127.0.0.1:$FRONT/" 60 || did_not_start varnishd "$DIR/logs/varnish.log"
    wait_for "http://127.0.0.1:$PUSH/robots.txt" 30 || did_not_start pushpin "$DIR/logs/pushpin.log"
    echo "front=http://127.0.0.1:$FRONT"
    for n in "${NODES[@]}"; do echo "node$n=http://127.0.0.1:$((BASE + 80 + n))"; done
    echo "pushpin=http://127.0.0.1:$PUSH"
    echo "pushpin-publish=http://127.0.0.1:$PUBLISH"
    echo "postgres=jdbc:postgresql://127.0.0.1:$PG/dateline"
}

stop() {
    [ -d "$PIDS" ] || { echo "nothing started ($PIDS)"; return 0; }
    for f in "$PIDS"/varnish.pid "$PIDS"/pushpin.pid "$PIDS"/node*.pid; do
        [ -f "$f" ] || continue
        pid=$(head -1 "$f")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$f"
    done
    if [ -f "$PIDS/postgres.pidfile" ]; then
        PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
        as_pg=(); if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi
        "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null || true
        rm -f "$PIDS/postgres.pidfile"
    fi
    echo "stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
