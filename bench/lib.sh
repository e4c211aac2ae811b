# shellcheck shell=bash
# What the benchmarks that run the jar by themselves share (bench/media.sh, bench/wire.sh, bench/soak.sh), sourced
# after `cd` to the checkout: a Java 21+, the jar (built when missing), a fresh data directory, an admin account,
# the server started in the background and waited for, and on exit the server stopped and the directory removed.
# Each bench keeps its own port, arguments, readiness check and measurements.

# JAVA: the first Java 21+ in JAVA_HOME or /usr/lib/jvm.
bench_java() {
    JAVA=""
    local candidate
    for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
        if [ -x "$candidate" ] && "$candidate" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
            JAVA=$candidate
            return 0
        fi
    done
    echo "No Java 21+ found under /usr/lib/jvm or JAVA_HOME" >&2
    exit 2
}

# JAR: target/dateline-*.jar, packaged first (tests skipped) when there is none.
bench_jar() {
    JAR=$(ls target/dateline-*.jar 2>/dev/null | grep -v original | head -1 || true)
    if [ -z "$JAR" ]; then
        ./mvnw -B -q -DskipTests package
        JAR=$(ls target/dateline-*.jar | grep -v original | head -1)
    fi
}

# bench_port_free PORT: stops the bench when something already answers there (another engineer's server?).
bench_port_free() {
    if curl -s "http://127.0.0.1:$1/" -o /dev/null; then
        echo "Port $1 is already serving; stop that server first." >&2
        exit 2
    fi
}

# bench_workdir NAME: WORK, a fresh directory /tmp/dateline-NAME-*; on exit the server is stopped and WORK removed.
bench_workdir() {
    WORK=$(mktemp -d "/tmp/dateline-$1-XXXXXX")
    APP_PID=""
    trap bench_stop EXIT
}

bench_stop() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    rm -rf "$WORK"
}

# bench_admin USER PASSWORD: an admin account in $WORK/data, made by the jar's `user add`.
bench_admin() {
    DATELINE_DATA_DIR="$WORK/data" DATELINE_PASSWORD=$2 "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" \
        user add "$1" --role admin >"$WORK/user.log" 2>&1 || { cat "$WORK/user.log"; exit 1; }
}

# bench_start [JAVA-OPTION...] -- [ARGUMENT...]: the jar in the background (APP_PID), its log in $WORK/app.log.
bench_start() {
    local options=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        options+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift
    "$JAVA" --enable-native-access=ALL-UNNAMED "${options[@]}" -jar "$JAR" "$@" >"$WORK/app.log" 2>&1 &
    APP_PID=$!
}

# bench_wait URL TRIES [TEXT]: once a second until URL answers (with TEXT in its body, when given), at most TRIES
# times; when the server stops first, its log and exit 1.
bench_wait() {
    local _
    for _ in $(seq 1 "$2"); do
        if [ -n "${3:-}" ]; then
            curl -sf "$1" 2>/dev/null | grep -q "$3" && return 0
        else
            curl -sf "$1" >/dev/null 2>&1 && return 0
        fi
        kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
        sleep 1
    done
}
