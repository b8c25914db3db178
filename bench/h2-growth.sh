#!/usr/bin/env bash
# How much the embedded H2 file grows per comment (issue 13, item 3). Starts Gazette with the demo content on a fresh
# data directory, posts N guest comments through the JSON API (bench/H2Growth.java), waits for the background
# handlers, stops Gazette with SIGTERM as an operator would, and reports the file size per comment while running and
# after the stop, with the rows left in the tables that grow. Environment:
#   GAZETTE_JAR      use this jar instead of building one with ./mvnw
#   GROWTH_N         comments to post, default 10000
#   GROWTH_THREADS   posting threads, default 8
#   GROWTH_SETTLE    seconds to wait after the last post before measuring, default 20
#   GROWTH_PORT      port, default 18090
#   GROWTH_JAVA_OPTS extra JVM options for Gazette
#   GROWTH_ARGS      extra Gazette arguments (e.g. --spring.datasource.url=... to compare settings)
#   GROWTH_STOP_WAIT seconds to wait for the stop (queued work, then the compaction at shutdown) before kill -9, default 600
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
N="${GROWTH_N:-10000}"
THREADS="${GROWTH_THREADS:-8}"
SETTLE="${GROWTH_SETTLE:-20}"
PORT="${GROWTH_PORT:-18090}"
SLUG="our-streets-are-too-hot"
WORK="$(mktemp -d /tmp/gazette-h2-growth.XXXXXX)"
DATA="$WORK/data"
DB="$DATA/gazette.mv.db"
APP_PID=""

log() { printf '[h2-growth %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 "${GROWTH_STOP_WAIT:-600}"); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 1
    done
    kill -0 "$APP_PID" 2>/dev/null && { log "not stopped after ${GROWTH_STOP_WAIT:-600} s; killing"; kill -9 "$APP_PID" || true; }
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap 'stop_app; log "app log and data in $WORK"' EXIT

JAR="${GAZETTE_JAR:-}"
if [[ -z "$JAR" ]]; then
  log "building the jar"
  (cd "$REPO_ROOT" && ./mvnw -q -B -DskipTests -Djacoco.skip=true package)
  JAR="$(ls "$REPO_ROOT"/target/gazette-*.jar | grep -v -e '-sources' -e '-plain' | head -n 1)"
fi

mkdir -p "$DATA"
log "starting $JAR on port $PORT, data in $DATA"
# The moderation limits per client are lifted: every post comes from 127.0.0.1, and held comments would not
# publish (no webhook or notification events), which is not what a busy real site does.
java ${GROWTH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --gazette.data-dir="$DATA" \
  --gazette.demo-content=true --gazette.moderation.burst-count=100000000 --gazette.moderation.per-client-checks=false \
  ${GROWTH_ARGS:-} >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -sf --max-time 2 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
  sleep 1
done
sleep 5 # the demo content and the classifier's first model
START_SIZE=$(stat -c %s "$DB")
log "posting $N comments from $THREADS threads (file $START_SIZE bytes)"
java "$SCRIPT_DIR/H2Growth.java" "http://127.0.0.1:$PORT" "$SLUG" "$N" "$THREADS" "$DB" | tee "$WORK/posts.txt"
sleep "$SETTLE"
RUNNING_SIZE=$(stat -c %s "$DB")
log "stopping Gazette (SIGTERM)"
STOP_START=$(date +%s.%N)
stop_app
STOP_SECONDS=$(echo "$(date +%s.%N) - $STOP_START" | bc)
STOPPED_SIZE=$(stat -c %s "$DB")

unzip -o -q -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK"
H2="$(ls "$WORK"/h2-*.jar | head -n 1)"
query() {
  # Gazette leaves the user name empty (Spring Boot names none for a file database).
  java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;USER=;PASSWORD=" \
    -sql "$1" 2>&1 | sed -n 2p | tr -d ' '
}
COMMENTS=$(query "select count(*) from comment")
EVENTS=$(query "select count(*) from event_publication")
OPEN_EVENTS=$(query "select count(*) from event_publication where completion_date is null")
AUDIT=$(query "select count(*) from moderation_audit")
SESSIONS=$(query "select count(*) from spring_session")
ERRORS=$(grep -c -e 'ERROR' -e 'already closed' "$WORK/app.log" || true)

per() { echo $(( ($1 - START_SIZE) / N )); }
cat <<EOF

| measure | value |
| --- | --- |
| comments posted (N) | $N |
| file before posting | $START_SIZE bytes |
| file after posting + ${SETTLE} s, running | $RUNNING_SIZE bytes ($(per "$RUNNING_SIZE") bytes per comment) |
| file after SIGTERM | $STOPPED_SIZE bytes ($(per "$STOPPED_SIZE") bytes per comment) |
| stop took | ${STOP_SECONDS} s |
| rows: comment / event_publication (incomplete) / moderation_audit / spring_session | $COMMENTS / $EVENTS ($OPEN_EVENTS) / $AUDIT / $SESSIONS |
| ERROR or "already closed" lines in the app log | $ERRORS |
EOF
