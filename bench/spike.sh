#!/usr/bin/env bash
# The breaking-news spike (issue 14) on the loopback cluster of deploy/local-cluster.sh: readers through Varnish
# ramping up, an editor updating the story and posting live entries through the admin API, SSE readers held by
# Pushpin, then one node killed with SIGKILL. Figures go to docs/benchmarks.md with the date and the load.
#
#   bench/spike.sh                       # SPIKE_SECONDS=60 SSE_READERS=5000 SPIKE_STEPS="64 128 256 512 1024"
#
# Needs wrk, python3 and what local-cluster.sh installs; builds the jar when there is none.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 65536 2>/dev/null || ulimit -n 16384 || true

ls target/dateline-*.jar >/dev/null 2>&1 || ./mvnw -q package -DskipTests
DIR=${DATELINE_CLUSTER_DIR:-/tmp/dateline-cluster}
export DATELINE_CLUSTER_DIR=$DIR
# Readers through one address: the per-address limits would otherwise be what is measured.
export DATELINE_API_RATE_LIMIT=0
urls=$(deploy/local-cluster.sh start)
trap 'deploy/local-cluster.sh stop >/dev/null' EXIT
echo "$urls"
get() { echo "$urls" | sed -n "s/^$1=//p"; }
PG_PORT=$(get postgres | sed 's/.*:\([0-9]*\)\/.*/\1/')
psql() { command psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d dateline -tAq "$@"; }

# The breaking story: the newest published one, live from now; an admin's API token for the editor's script.
STORY_ID=$(psql -c "SELECT id FROM article WHERE status = 'published' ORDER BY published_at DESC LIMIT 1")
STORY_PATH=$(psql -c "SELECT '/' || s.slug || '/' || a.slug FROM article a JOIN section s ON s.id = a.section_id
                      WHERE a.id = $STORY_ID")
psql -c "UPDATE article SET live_since = (extract(epoch FROM now()) * 1000)::bigint WHERE id = $STORY_ID"
TOKEN="dl_spike$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
HASH=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
psql -c "INSERT INTO api_token (name, prefix, token_hash, role, account_id, created_at)
         SELECT 'spike', '${TOKEN:0:10}', '$HASH', 'admin', id, 0 FROM account WHERE role = 'admin' ORDER BY id LIMIT 1"

FRONT=$(get front) PUSHPIN=$(get pushpin) NODE1=$(get node1) NODES="$(get node1) $(get node2) $(get node3)" TOKEN=$TOKEN STORY_ID=$STORY_ID STORY_PATH=$STORY_PATH \
    NODE_PIDS="$(cat "$DIR"/pids/node*.pid | tr '\n' ' ')" VARNISH_NAME="$DIR/varnish/n" \
    python3 bench/spike.py
# What Pushpin's handler says it published to: one line per entry, "receivers=N" (docs/scaling.md).
grep -ho 'receivers=[0-9]*' "$DIR/pushpin/log/pushpin-handler.log" 2>/dev/null | sort | uniq -c \
    | awk '{printf "%spushpin: %s publishes to %s", sep, $1, $2; sep = "; "} END {print ""}' || true
