#!/usr/bin/env bash
# Gazette's article page against WordPress and against nginx serving WordPress's rendered page as a file, in one run
# on one machine (issue 14). See bench/README.md. Environment:
#   GAZETTE_JAR     use this jar instead of building one with ./mvnw
#   PEER_SCRIPT     the WordPress peer, default /work/shared/bench/wordpress-peer.sh (run as root)
#   PEER_STATE_DIR  its state directory, default /var/lib/wordpress-peer (content.env names the rendered page)
#   BENCH_PORT      first port to try for Gazette, default 18180
#   BENCH_WARMUP / BENCH_DURATION   wrk warm-up and measured run, default 5s / 15s (as the issue measured)
#   BENCH_THREADS / BENCH_CONNECTIONS   wrk -t / -c, default 2 / 32
#   BENCH_GZIP      1 = also measure Gazette's page with Accept-Encoding: gzip (its pre-compressed copy)
#   BENCH_JAVA_OPTS extra JVM options for Gazette
#   BENCH_DB        h2 (default, the embedded database) or postgres (a fresh database on 127.0.0.1:5432, user
#                   postgres, dropped at the end)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
PEER_SCRIPT="${PEER_SCRIPT:-/work/shared/bench/wordpress-peer.sh}"
PEER_STATE_DIR="${PEER_STATE_DIR:-/var/lib/wordpress-peer}"
WARMUP="${BENCH_WARMUP:-5s}"
DURATION="${BENCH_DURATION:-15s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
HOST=127.0.0.1
SLUG="in-praise-of-the-slow-ferry"
# WordPress's page: 200 comments, 60 top-level, nested at most 3 deep, all on one page.
TARGET_COMMENTS=200
TOP_LEVEL=60

WORK="$(mktemp -d /tmp/gazette-bench-peer.XXXXXX)"
APP_PID=""
PEER_STARTED=0
DB="${BENCH_DB:-h2}"
PG_DB=""

log() { printf '[peer %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

cleanup() {
  local rc=$?
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping Gazette (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ -n "$PG_DB" ]]; then
    psql -h "$HOST" -U postgres -qc "drop database if exists $PG_DB with (force)" </dev/null || true
  fi
  # Only a peer this run started is stopped: another session may be using one it found running.
  if ((PEER_STARTED)); then
    bash "$PEER_SCRIPT" stop || true
  fi
  log "logs in $WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wrk curl python3 java; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done

# ---------------------------------------------------------------- the peers
peer_status="$(STATE_DIR="$PEER_STATE_DIR" bash "$PEER_SCRIPT" status 2>/dev/null || true)"
if grep -q "nginx running" <<<"$peer_status" && grep -q "php-fpm running" <<<"$peer_status"; then
  log "the WordPress peer is already running; using it as it is"
else
  log "starting the WordPress peer ($PEER_SCRIPT start; installs its packages the first time)"
  STATE_DIR="$PEER_STATE_DIR" bash "$PEER_SCRIPT" start
  PEER_STARTED=1
fi
PERMALINK="$(sed -n 's/^PERMALINK=//p' "$PEER_STATE_DIR/content.env")"
[[ -n "$PERMALINK" ]] || die "no PERMALINK in $PEER_STATE_DIR/content.env"
WP_URL="$PERMALINK"
URL_PATH="/${PERMALINK#http://*/}"
STATIC_URL="http://$HOST:${STATIC_PORT:-8082}$URL_PATH"

# ---------------------------------------------------------------- Gazette
if [[ -n "${GAZETTE_JAR:-}" ]]; then
  JAR="$GAZETTE_JAR"
else
  log "building the jar"
  (cd "$REPO_ROOT" && ./mvnw -q -B -o -DskipTests package)
  JAR="$(ls "$REPO_ROOT"/target/gazette-*.jar | grep -v -e '-sources' -e '-plain' | head -n 1)"
fi
port="${BENCH_PORT:-18180}"
while (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; do port=$((port + 1)); done
BASE="http://$HOST:$port"
# All 60 threads on one page, as WordPress shows them (Gazette's default is 50 threads a page).
DB_ARGS=()
case "$DB" in
  h2) ;;
  postgres)
    PG_DB="gazette_peer_$(date +%s)_$RANDOM"
    psql -h "$HOST" -U postgres -v ON_ERROR_STOP=1 -qc "create database $PG_DB" </dev/null || die "cannot create $PG_DB"
    DB_ARGS=(--spring.datasource.url="jdbc:postgresql://$HOST:5432/$PG_DB" --spring.datasource.username=postgres) ;;
  *) die "BENCH_DB must be h2 or postgres, not $DB" ;;
esac
log "starting Gazette ($DB) on $BASE"
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$port" --server.address="$HOST" --gazette.data-dir="$WORK/data" \
  "${DB_ARGS[@]}" --gazette.demo-content=true --gazette.comments.page-size=100 \
  --gazette.moderation.burst-count=100000000 --gazette.moderation.per-client-checks=false >"$WORK/gazette.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  kill -0 "$APP_PID" 2>/dev/null || die "Gazette exited; see $WORK/gazette.log"
  curl -sf --noproxy '*' --max-time 2 "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
  sleep 1
done

log "posting comments to /articles/$SLUG until it has $TARGET_COMMENTS in $TOP_LEVEL threads, at most 3 deep"
python3 "$SCRIPT_DIR/peer_comments.py" "$BASE" "$SLUG" "$TARGET_COMMENTS" "$TOP_LEVEL" >&2

GAZETTE_URL="$BASE/articles/$SLUG"
bytes="$(curl -s --noproxy '*' "$GAZETTE_URL" | wc -c)"
gz_bytes="$(curl -s --noproxy '*' -H 'Accept-Encoding: gzip' "$GAZETTE_URL" | wc -c)"
wp_bytes="$(curl -s --noproxy '*' "$STATIC_URL" | wc -c)"
log "Gazette page $bytes bytes ($gz_bytes gzipped); WordPress page $wp_bytes bytes"

# ---------------------------------------------------------------- measure, back to back
to_ms() { awk -v v="$1" 'BEGIN{ n=v; sub(/[a-z]+$/,"",n); u=v; sub(/^[0-9.]+/,"",u);
  f=(u=="us")?0.001:(u=="ms")?1:(u=="s")?1000:(u=="m")?60000:1; printf "%.1f", n*f }'; }
ROWS=()
measure() { # name url [header]
  local name="$1" url="$2" out="$WORK/$1.txt" extra=()
  [[ -n "${3:-}" ]] && extra=(-H "$3")
  log "warm-up $name ($WARMUP)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "${extra[@]}" "$url" >/dev/null 2>&1
  log "measuring $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency ${extra[*]} $url"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "${extra[@]}" "$url" >"$out" 2>&1
  local rps p50 p99 non
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2; exit}' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2; exit}' "$out")")"
  non="$(awk '/Non-2xx or 3xx responses:/ {print $NF; f=1} END {if (!f) print 0}' "$out")"
  ROWS+=("$name|$rps|$p50|$p99|$non")
  R_RPS="$rps"
}
load() { awk '{print $1, $2, $3}' /proc/loadavg; }
load_before="$(load)"
measure gazette "$GAZETTE_URL"
g_rps="$R_RPS"
gz_rps=""
if [[ "${BENCH_GZIP:-0}" == 1 ]]; then
  measure gazette-gzip "$GAZETTE_URL" "Accept-Encoding: gzip"
  gz_rps="$R_RPS"
fi
measure wordpress "$WP_URL"
w_rps="$R_RPS"
measure nginx-static "$STATIC_URL"
s_rps="$R_RPS"
load_after="$(load)"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(cd "$REPO_ROOT" && git rev-parse --short HEAD), $(nproc) cores, Gazette on $DB,"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -n 1)."
  echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo "Pages: Gazette $bytes bytes ($gz_bytes gzipped), WordPress/nginx $wp_bytes bytes."
  echo
  echo "| server | requests/s | p50 (ms) | p99 (ms) | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name rps p50 p99 non <<<"$row"
    echo "| $name | $rps | $p50 | $p99 | $non |"
  done
  echo
  echo "Gazette/WordPress: $(ratio "$g_rps" "$w_rps")x; Gazette/nginx: $(ratio "$g_rps" "$s_rps")"
  if [[ -n "$gz_rps" ]]; then
    echo "Gazette gzip/WordPress: $(ratio "$gz_rps" "$w_rps")x; Gazette gzip/nginx: $(ratio "$gz_rps" "$s_rps")"
  fi
} | tee "$WORK/summary.md"
