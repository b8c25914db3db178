#!/usr/bin/env bash
# SIGTERM under posting load on the embedded database (issue 13, item 2): starts Gazette with the demo content on a
# fresh data directory, posts comments from 16 threads (bench/H2Growth.java), sends SIGTERM after SHUTDOWN_AFTER
# seconds of posting, and compares what was answered with what was stored. Environment:
#   GAZETTE_JAR      use this jar instead of building one with ./mvnw
#   SHUTDOWN_AFTER   seconds of posting before SIGTERM, default 20
#   SHUTDOWN_PORT    port, default 18091
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
AFTER="${SHUTDOWN_AFTER:-20}"
PORT="${SHUTDOWN_PORT:-18091}"
WORK="$(mktemp -d /tmp/gazette-shutdown.XXXXXX)"
DATA="$WORK/data"
APP_PID=""
log() { printf '[shutdown %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
trap '[[ -n "$APP_PID" ]] && kill -9 "$APP_PID" 2>/dev/null; log "app log and data in $WORK"' EXIT

JAR="${GAZETTE_JAR:-}"
if [[ -z "$JAR" ]]; then
  (cd "$REPO_ROOT" && ./mvnw -q -B -DskipTests -Djacoco.skip=true package)
  JAR="$(ls "$REPO_ROOT"/target/gazette-*.jar | grep -v -e '-sources' -e '-plain' | head -n 1)"
fi
mkdir -p "$DATA"
java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --gazette.data-dir="$DATA" \
  --gazette.demo-content=true --gazette.moderation.burst-count=100000000 --gazette.moderation.per-client-checks=false \
  >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -sf --max-time 2 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  sleep 1
done
sleep 5
unzip -o -q -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK"
H2="$(ls "$WORK"/h2-*.jar | head -n 1)"
java "$SCRIPT_DIR/H2Growth.java" "http://127.0.0.1:$PORT" our-streets-are-too-hot 1000000 16 "$DATA/gazette.mv.db" \
  >"$WORK/posts.txt" 2>&1 &
POSTER=$!
sleep "$AFTER"
log "SIGTERM"
START=$(date +%s)
kill -TERM "$APP_PID"
wait "$APP_PID" || true
STOP=$(( $(date +%s) - START ))
APP_PID=""
wait "$POSTER" || true
SUMMARY="$(tail -n 1 "$WORK/posts.txt")"
STORED=$(java -cp "$H2" org.h2.tools.Shell \
  -url "jdbc:h2:file:$DATA/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;USER=;PASSWORD=" \
  -sql "select count(*) from comment where body like '%Growth comment%'" | sed -n 2p | tr -d ' ')
cat <<EOF2

| measure | value |
| --- | --- |
| posts and answers (status: count; -1 = no answer) | $SUMMARY |
| comments stored | $STORED |
| stop took | $STOP s |
| "already closed" / "has been closed" lines in the log | $(grep -c -e 'already closed' -e 'has been closed' "$WORK/app.log" || true) |
| ERROR lines in the log | $(grep -c ' ERROR ' "$WORK/app.log" || true) |
EOF2
