#!/usr/bin/env bash
# kill -9 under load (issue 13's reliability probe): starts Gazette (H2 by default, PostgreSQL with KILL9_DB=postgres),
# has KILL9_CLIENTS threads post guest comments (bench/kill9_clients.py, each acknowledged comment's marker written
# down as soon as its 201 arrives), kills the JVM with SIGKILL mid-load, starts it again on the same data, and checks
# that every acknowledged comment is in the database. Prints acknowledged / found / lost (lost must be 0).
# Environment:
#   GAZETTE_JAR     the jar to run (default: build one with ./mvnw -q -o -B -DskipTests package)
#   KILL9_DB        h2 (default) or postgres (a fresh database on 127.0.0.1:5432, user postgres, dropped afterwards)
#   KILL9_CLIENTS   posting threads, default 16
#   KILL9_SECONDS   seconds of posting before the kill, default 20
#   BENCH_PORT      port, default: a free one
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
DB_KIND="${KILL9_DB:-h2}"
CLIENTS="${KILL9_CLIENTS:-16}"
LOAD_SECONDS="${KILL9_SECONDS:-20}"
HOST=127.0.0.1
LOG_NAME=kill9
# shellcheck source=bench/lib.sh
source "$SCRIPT_DIR/lib.sh"
PORT="${BENCH_PORT:-$(bench_free_port)}"
BASE="http://$HOST:$PORT"
SLUG=our-streets-are-too-hot
WORK="$(mktemp -d /tmp/gazette-kill9.XXXXXX)"
RUN="r$(date +%s)$RANDOM"
PG_DB="gazette_kill9_$RUN"
CLIENTS_PID=""

cleanup() {
  [[ -n "$CLIENTS_PID" ]] && kill "$CLIENTS_PID" 2>/dev/null || true
  bench_stop
  [[ "$DB_KIND" == postgres ]] && { psql -h "$HOST" -U postgres -qc "drop database if exists $PG_DB" </dev/null >/dev/null 2>&1 || true; }
  rm -rf "$WORK/data"
}
trap cleanup EXIT

bench_jar
ARGS=(--server.port="$PORT" --server.address="$HOST" --gazette.data-dir="$WORK/data" --gazette.demo-content=true
  # Every post comes from 127.0.0.1: the per-client spam checks would hold them all, which a real site's many readers
  # do not cause. Held comments are stored too, so this only keeps the load realistic.
  --gazette.moderation.burst-count=100000000 --gazette.moderation.per-client-checks=false)
if [[ "$DB_KIND" == postgres ]]; then
  psql -h "$HOST" -U postgres -v ON_ERROR_STOP=1 -qc "create database $PG_DB" </dev/null
  ARGS+=(--spring.datasource.url="jdbc:postgresql://$HOST:5432/$PG_DB" --spring.datasource.username=postgres)
fi

log "starting $JAR on $BASE ($DB_KIND), log $WORK/app.log"
bench_start "$WORK/app.log" "${ARGS[@]}"
bench_wait_up "$BASE" 240 "$WORK/app.log"
bench_wait_page "$BASE" "/articles/$SLUG" || true

log "posting from $CLIENTS clients for $LOAD_SECONDS s, then kill -9"
python3 "$SCRIPT_DIR/kill9_clients.py" "$BASE" "$SLUG" "$CLIENTS" "$RUN" "$WORK/acked.txt" >"$WORK/clients.txt" 2>&1 &
CLIENTS_PID=$!
sleep "$LOAD_SECONDS"
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
sleep 2
kill -TERM "$CLIENTS_PID" 2>/dev/null || true
wait "$CLIENTS_PID" || true
CLIENTS_PID=""
log "clients: $(cat "$WORK/clients.txt")"

log "starting again on the same data"
bench_start "$WORK/app.log" "${ARGS[@]}"
bench_wait_up "$BASE" 240 "$WORK/app.log"

MARKERS="$WORK/stored.txt"
if [[ "$DB_KIND" == postgres ]]; then
  psql -h "$HOST" -U postgres -d "$PG_DB" -Atc "select substr(body, position('kill9 ' in body), 40) from comment where body like '%(kill9 $RUN %'" \
    </dev/null >"$WORK/bodies.txt"
  bench_stop
else
  # The running node holds the H2 file: it has shown that it starts on it; stop it to read the file.
  bench_stop
  unzip -o -q -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK"
  H2="$(ls "$WORK"/h2-*.jar | head -n 1)"
  java -cp "$H2" org.h2.tools.Shell \
    -url "jdbc:h2:file:$WORK/data/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;USER=;PASSWORD=" \
    -sql "select substr(body, position('kill9 ' in body), 40) from comment where body like '%(kill9 $RUN %'" >"$WORK/bodies.txt"
fi
grep -o "kill9 $RUN [0-9]*-[0-9]*" "$WORK/bodies.txt" | sort -u >"$MARKERS" || true
sort -u "$WORK/acked.txt" >"$WORK/acked-sorted.txt"
ACKED=$(wc -l <"$WORK/acked-sorted.txt")
FOUND=$(comm -12 "$WORK/acked-sorted.txt" "$MARKERS" | wc -l)
LOST=$((ACKED - FOUND))
STORED=$(wc -l <"$MARKERS")
cat <<EOT

| database | clients | acknowledged (201) | found after restart | lost | stored without a 201 (answer cut by the kill) |
| --- | --- | --- | --- | --- | --- |
| $DB_KIND | $CLIENTS | $ACKED | $FOUND | $LOST | $((STORED - FOUND)) |
EOT
[[ "$LOST" -eq 0 ]]
