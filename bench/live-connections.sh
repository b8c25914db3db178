#!/usr/bin/env bash
# How many idle live-update streams (Server-Sent Events) one Gazette node holds, and how long one new comment takes
# to reach all of them. Starts the jar with the default heap on a fresh data directory, opens N streams to one demo
# article (bench/live_clients.py, one socket each), keeps them idle for HOLD seconds, posts a comment through the API
# and times its delivery to every stream. Prints the result with the node's resident memory, heap in use, live
# threads and the load average.
#   bench/live-connections.sh [N=10000] [HOLD=30]
# The client and the server each need about N file descriptors: the limit is raised for both (ulimit -n).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LOG_NAME=live
# shellcheck source=lib.sh
source "$REPO_ROOT/bench/lib.sh"
N="${1:-10000}"
HOLD="${2:-30}"
ulimit -n "$(( N * 2 + 1000 > $(ulimit -Hn) ? $(ulimit -Hn) : N * 2 + 1000 ))"
log "file descriptor limit: $(ulimit -n)"
bench_jar
PORT="$(bench_free_port)"
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d)"
OUT="$DATA/gazette.log"
trap 'bench_stop; rm -rf "$DATA"' EXIT
# Above the streams: Tomcat's own connection cap (server.tomcat.max-connections) and Gazette's (gazette.live.*).
bench_start "$OUT" --server.port="$PORT" --gazette.data-dir="$DATA/data" \
  --gazette.live.max-connections=$(( N + 100 )) --server.tomcat.max-connections=$(( N + 1000 )) \
  --gazette.moderation.per-client-checks=false --gazette.moderation.burst-count=100000
bench_wait_up "$BASE" 240 "$OUT"
SLUG=the-river-that-two-nations-share
bench_wait_page "$BASE" "/articles/$SLUG"
log "node up (pid $APP_PID); opening $N streams"
RESULT="$(python3 "$REPO_ROOT/bench/live_clients.py" 127.0.0.1 "$PORT" "$SLUG" "$N" "$HOLD")"
RSS_MB=$(( $(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024 ))
THREADS=$(awk '/Threads/ {print $2}' "/proc/$APP_PID/status")
HEAP="$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -m1 -i -E 'total|heap' | tr -s ' ' || true)"
MAXHEAP="$(jcmd "$APP_PID" VM.flags 2>/dev/null | tr ' ' '\n' | grep MaxHeapSize || true)"
echo "result: $RESULT"
echo "node: rss ${RSS_MB} MB, threads $THREADS, $MAXHEAP, heap: $HEAP"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
grep -c -i "exception" "$OUT" | xargs -I{} echo "exceptions in the node's log: {}"
