#!/usr/bin/env bash
# Overload (issue 13's reliability probe): 256 connections at once for OVERLOAD_DURATION (2 min) against one Gazette
# on H2 with the demo content: wrk keeps OVERLOAD_PAGE_CONNECTIONS (224) connections reading the article page and the
# rest (32) posting guest comments through the JSON API (bench/post-comment.lua), both at full speed. Reports, per
# kind, requests answered, errors (socket errors, and answers other than 2xx/3xx for the page or 201 for the posts)
# and wrk's p50 and p99 latency, then checks the node still answers health and the page.
# Environment:
#   GAZETTE_JAR                the jar to run (default: build one with ./mvnw -q -o -B -DskipTests package)
#   OVERLOAD_DURATION          wrk duration, default 2m (20s for a quick look)
#   OVERLOAD_CONNECTIONS       connections in all, default 256
#   OVERLOAD_PAGE_CONNECTIONS  of those, reading the article page, default 224 (the rest post)
#   BENCH_PORT                 port, default: a free one
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
DURATION="${OVERLOAD_DURATION:-2m}"
CONNECTIONS="${OVERLOAD_CONNECTIONS:-256}"
PAGE_CONNECTIONS="${OVERLOAD_PAGE_CONNECTIONS:-224}"
POST_CONNECTIONS=$((CONNECTIONS - PAGE_CONNECTIONS))
HOST=127.0.0.1
LOG_NAME=overload
# shellcheck source=bench/lib.sh
source "$SCRIPT_DIR/lib.sh"
PORT="${BENCH_PORT:-$(bench_free_port)}"
BASE="http://$HOST:$PORT"
PAGE=/articles/in-praise-of-the-slow-ferry
API=/api/v1/articles/our-streets-are-too-hot/comments
WORK="$(mktemp -d /tmp/gazette-overload.XXXXXX)"

cleanup() {
  bench_stop
  rm -rf "$WORK/data"
}
trap cleanup EXIT

command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }
bench_jar
log "starting $JAR on $BASE (H2, demo content), log $WORK/app.log"
# Every post comes from 127.0.0.1: the per-client spam checks would hold nearly all of them, which many real readers
# would not cause; held or not, each post is screened and stored the same way.
bench_start "$WORK/app.log" --server.port="$PORT" --server.address="$HOST" --gazette.data-dir="$WORK/data" \
  --gazette.demo-content=true --gazette.moderation.burst-count=100000000 --gazette.moderation.per-client-checks=false
bench_wait_up "$BASE" 240 "$WORK/app.log"
bench_wait_page "$BASE" "$PAGE" || true

log "$PAGE_CONNECTIONS connections reading $PAGE and $POST_CONNECTIONS posting to $API for $DURATION"
wrk -t2 -c"$PAGE_CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$BASE$PAGE" >"$WORK/page.txt" 2>&1 &
PAGE_WRK=$!
if ((POST_CONNECTIONS > 0)); then
  wrk -t1 -c"$POST_CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$SCRIPT_DIR/post-comment.lua" "$BASE$API" \
    >"$WORK/post.txt" 2>&1 || true
fi
wait "$PAGE_WRK" || true

after_health=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 10 "$BASE/actuator/health" || true)
after_page=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 10 "$BASE$PAGE" || true)
SERVER_ERRORS=$(grep -c -E ' ERROR |OutOfMemoryError' "$WORK/app.log" || true)

# row <label> <wrk output> <what counts as an error besides socket errors>
row() {
  local label="$1" out="$2" requests socket bad
  requests=$(awk '/requests in/ {print $1}' "$out")
  socket=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
  if [[ "$3" == non201 ]]; then
    bad=$(awk '/^Comment POSTs:/ {print $5}' "$out")
  else
    bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
  fi
  echo "| $label | ${requests:-0} | $(awk '/^Requests\/sec:/ {print $2}' "$out") | ${socket:-0} | ${bad:-0} | $(awk '$1 == "50%" {print $2}' "$out") | $(awk '$1 == "99%" {print $2}' "$out") |"
}

cat <<EOT

| $CONNECTIONS connections for $DURATION | requests | requests/s | socket errors (connect/read/write/timeout) | wrong answers | p50 | p99 |
| --- | --- | --- | --- | --- | --- | --- |
$(row "GET $PAGE ($PAGE_CONNECTIONS connections)" "$WORK/page.txt" non2xx)
$( ((POST_CONNECTIONS > 0)) && row "POST comment ($POST_CONNECTIONS connections)" "$WORK/post.txt" non201)

Right after: health $after_health s, article page $after_page s; ERROR lines in the app log: $SERVER_ERRORS.
EOT
