#!/usr/bin/env bash
# Slow request bodies (issue 13, item 5): 200 connections each send a comment POST's headers and then one body byte
# every 2 s, while curl measures what a normal reader gets from an article page and the health endpoint.
# Environment:
#   GAZETTE_JAR     the jar to run (default: build one with ./mvnw -q -o -B -DskipTests package)
#   SLOW_CLIENTS    slow-body connections, default 200
#   SLOW_INTERVAL   seconds between two bytes of one slow body, default 2
#   SLOW_SECONDS    longest the slow clients keep sending (they stop once measured), default 600
#   SAMPLES         normal requests measured per phase, default 15 (each waits at most 5 s)
#   BENCH_PORT      port, default: a free one
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
N="${SLOW_CLIENTS:-200}"
INTERVAL="${SLOW_INTERVAL:-2}"
SECONDS_SLOW="${SLOW_SECONDS:-600}"
SAMPLES="${SAMPLES:-15}"
HOST=127.0.0.1
LOG_NAME=slow-clients
# shellcheck source=bench/lib.sh
source "$SCRIPT_DIR/lib.sh"
PORT="${BENCH_PORT:-$(bench_free_port)}"
BASE="http://$HOST:$PORT"
PAGE=/articles/in-praise-of-the-slow-ferry
WORK="$(mktemp -d /tmp/gazette-slow-clients.XXXXXX)"
SLOW_PID=""

cleanup() {
  [[ -n "$SLOW_PID" ]] && kill "$SLOW_PID" 2>/dev/null || true
  bench_stop
  rm -rf "$WORK/data"
}
trap cleanup EXIT

bench_jar
log "starting $JAR on $BASE (H2, demo content), log $WORK/app.log"
bench_start "$WORK/app.log" --server.port="$PORT" --server.address="$HOST" --gazette.data-dir="$WORK/data" \
  --gazette.demo-content=true
bench_wait_up "$BASE" 180 "$WORK/app.log"
bench_wait_page "$BASE" "$PAGE" || true

# measure <label>: SAMPLES sequential GETs of the article page and of health; prints status counts and latencies
measure() {
  local label="$1" path out
  for path in "$PAGE" /actuator/health; do
    out="$WORK/$label-${path//\//_}.txt"
    : >"$out"
    for _ in $(seq 1 "$SAMPLES"); do
      curl -s -o /dev/null --max-time 5 -w '%{http_code} %{time_total}\n' "$BASE$path" >>"$out" || true
      sleep 0.2
    done
    python3 - "$label" "$path" "$out" <<'PY'
import sys
label, path, f = sys.argv[1:]
rows = [l.split() for l in open(f) if l.strip()]
ms = sorted(float(t) * 1000 for _, t in rows)
ok = sum(1 for c, _ in rows if c == "200")
p = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
print(f"| {label} | GET {path} | {ok}/{len(rows)} | {p(0.5):.0f} | {p(0.9):.0f} | {ms[-1]:.0f} |")
PY
  done
}

echo "| phase | request | 200 answers | p50 ms | p90 ms | max ms |"
echo "|---|---|---|---|---|---|"
measure "quiet"
log "opening $N slow-body connections (a byte every $INTERVAL s for $SECONDS_SLOW s)"
python3 "$SCRIPT_DIR/slow_clients.py" "$HOST" "$PORT" "/api/v1/articles/our-streets-are-too-hot/comments" \
  "$N" "$INTERVAL" "$SECONDS_SLOW" >"$WORK/slow.txt" 2>&1 &
SLOW_PID=$!
sleep 3
measure "$N slow bodies"
log "Tomcat worker threads in existence (busy or idle): $(jcmd "$APP_PID" Thread.print 2>/dev/null | grep -c '^"http-nio-.*-exec-' || true)"
kill -TERM "$SLOW_PID" 2>/dev/null || true
wait "$SLOW_PID" || true
SLOW_PID=""
log "slow clients: $(tr '\n' ' ' <"$WORK/slow.txt")"
measure "after"
