#!/usr/bin/env bash
# Database outage (issue 13, item 4): Gazette on PostgreSQL through a relay (bench/db_link.py) that this script
# cuts (every connection closed and new ones refused: the server stopped or was killed) and then freezes
# (connections open, nothing passes: a partition or a paused server), while it measures what health, a 404 page, an
# article page and the comments API answer and how long each takes. The shared PostgreSQL server itself is never
# stopped: other people's databases live on it.
# Environment:
#   GAZETTE_JAR   the jar to run (default: build one with ./mvnw -q -o -B -DskipTests package)
#   OUTAGE_ROUNDS requests of each kind per phase, default 5 (each waits at most 15 s)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
ROUNDS="${OUTAGE_ROUNDS:-5}"
HOST=127.0.0.1
LOG_NAME=db-outage
# shellcheck source=bench/lib.sh
source "$SCRIPT_DIR/lib.sh"
PORT="$(bench_free_port)"
LINK_PORT="$(bench_free_port)"
BASE="http://$HOST:$PORT"
PAGE=/articles/in-praise-of-the-slow-ferry
API=/api/v1/articles/in-praise-of-the-slow-ferry/comments
WORK="$(mktemp -d /tmp/gazette-db-outage.XXXXXX)"
PG_DB="gazette_outage_$(date +%s)_$RANDOM"
LINK_PID=""

cleanup() {
  bench_stop
  [[ -n "$LINK_PID" ]] && kill "$LINK_PID" 2>/dev/null || true
  psql -h "$HOST" -U postgres -qc "drop database if exists $PG_DB" </dev/null >/dev/null 2>&1 || true
  rm -rf "$WORK/data"
}
trap cleanup EXIT

bench_jar

psql -h "$HOST" -U postgres -v ON_ERROR_STOP=1 -qc "create database $PG_DB" </dev/null
python3 "$SCRIPT_DIR/db_link.py" "$LINK_PORT" "$HOST" 5432 >"$WORK/link.log" 2>&1 &
LINK_PID=$!
sleep 1
log "starting $JAR on $BASE, PostgreSQL database $PG_DB through the relay on port $LINK_PORT"
bench_start "$WORK/app.log" --server.port="$PORT" --server.address="$HOST" --gazette.data-dir="$WORK/data" \
  --gazette.demo-content=true --spring.datasource.url="jdbc:postgresql://$HOST:$LINK_PORT/$PG_DB" \
  --spring.datasource.username=postgres
bench_wait_up "$BASE" 240 "$WORK/app.log"
bench_wait_page "$BASE" "$PAGE" || true

# measure <phase>: ROUNDS requests of each kind, in turn; status counts and the slowest answer
measure() {
  local phase="$1" what path accept method out
  for what in "health|/actuator/health|application/json|GET" "404 page|/no-such-page|text/html|GET" \
      "article page|$PAGE|text/html|GET" "comments API|$API|application/json|GET" \
      "post comment|$API|application/json|POST"; do
    IFS='|' read -r name path accept method <<<"$what"
    out="$WORK/$phase-$name.txt"
    : >"$out"
    for i in $(seq 1 "$ROUNDS"); do
      if [[ "$method" == POST ]]; then
        curl -s -o /dev/null --max-time 15 -w '%{http_code} %{time_total}\n' -H "Accept: $accept" \
          -H 'Content-Type: application/json' -H "Idempotency-Key: bench-${phase// /-}-$i-$RANDOM" \
          --data "{\"authorName\":\"Bench\",\"body\":\"During $phase, $i.\"}" "$BASE$path" >>"$out" || true
      else
        curl -s -o /dev/null --max-time 15 -w '%{http_code} %{time_total}\n' -H "Accept: $accept" "$BASE$path" >>"$out" || true
      fi
      sleep 0.3
    done
    python3 - "$phase" "$method $path" "$out" <<'PY'
import collections, sys
phase, req, f = sys.argv[1:]
rows = [l.split() for l in open(f) if l.strip()]
codes = collections.Counter("no answer in 15 s" if c == "000" else c for c, _ in rows)
ms = sorted(float(t) * 1000 for _, t in rows)
print(f"| {phase} | {req} | {', '.join(f'{n}× {c}' for c, n in codes.most_common())} | {ms[len(ms) // 2]:.0f} | {ms[-1]:.0f} |")
PY
  done
}

echo "| phase | request | answers | median ms | slowest ms |"
echo "|---|---|---|---|---|"
measure "database up"
log "cutting the database link (connections closed, new ones refused)"
kill -USR1 "$LINK_PID"
measure "database gone"
kill -HUP "$LINK_PID"
sleep 5
log "freezing the database link (connections open, nothing passes)"
kill -USR2 "$LINK_PID"
measure "database frozen"
log "mending the link"
kill -HUP "$LINK_PID"
start=$(date +%s.%N)
for _ in $(seq 1 120); do
  curl -sf --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  sleep 0.5
done
log "health UP again $(python3 -c "import time; print(f'{time.time() - $start:.1f}')") s after the link was mended"
measure "database back"
POSTED=$(psql -h "$HOST" -U postgres -d "$PG_DB" -Atc "select count(*) from comment where body like 'During %'" </dev/null)
log "comments stored from the POSTs above: $POSTED"
