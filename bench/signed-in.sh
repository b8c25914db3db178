#!/usr/bin/env bash
# The article page as a signed-in reader gets it (issue 14 item 1): the 200-comment page of bench/peer.sh, read by wrk
# with a signed-in session's cookies, and the same page for a reader who is not signed in beside it. Several jars are
# measured one after the other in one run, so versions can be compared back to back. See bench/README.md.
# Environment:
#   BENCH_JARS      space-separated LABEL=JAR pairs, measured in that order; default: this tree's jar, built with ./mvnw
#   BENCH_PORT      first port to try, default 18180
#   BENCH_WARMUP / BENCH_DURATION   wrk warm-up and measured run, default 10s / 15s
#   BENCH_THREADS / BENCH_CONNECTIONS   wrk -t / -c, default 2 / 32
#   BENCH_JAVA_OPTS extra JVM options for Gazette
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
WARMUP="${BENCH_WARMUP:-10s}"
DURATION="${BENCH_DURATION:-15s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
HOST=127.0.0.1
SLUG="in-praise-of-the-slow-ferry"
TARGET_COMMENTS=200
TOP_LEVEL=60
# The first admin, created on start: a moderator, so the page carries every per-reader control (a Recommend and a
# Feature form with the CSRF token on each comment, a Report link): the heaviest page a signed-in reader gets.
ADMIN_EMAIL="bench-admin@example.com"
ADMIN_PASSWORD="Blue harbour lamps at dusk, $RANDOM"

WORK="$(mktemp -d /tmp/gazette-bench-signed-in.XXXXXX)"
APP_PID=""

log() { printf '[signed-in %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
cleanup() {
  local rc=$?
  stop_app
  log "logs in $WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wrk curl python3 java; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done

JARS="${BENCH_JARS:-}"
if [[ -z "$JARS" ]]; then
  log "building the jar"
  (cd "$REPO_ROOT" && ./mvnw -q -B -o -DskipTests package)
  JARS="this=$(ls "$REPO_ROOT"/target/gazette-*.jar | grep -v -e '-sources' -e '-plain' | head -n 1)"
fi

to_ms() { awk -v v="$1" 'BEGIN{ n=v; sub(/[a-z]+$/,"",n); u=v; sub(/^[0-9.]+/,"",u);
  f=(u=="us")?0.001:(u=="ms")?1:(u=="s")?1000:(u=="m")?60000:1; printf "%.1f", n*f }'; }
load() { awk '{print $1, $2, $3}' /proc/loadavg; }
# Gazette's CPU time so far (user + system, every thread) in clock ticks: per request it moves far less than
# requests/s when other processes share the machine.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
ROWS=()
measure() { # label name url [cookie]
  local label="$1" name="$2" url="$3" out="$WORK/$1-$2.txt" extra=()
  [[ -n "${4:-}" ]] && extra=(-H "Cookie: $4")
  log "$label: warm-up $name ($WARMUP)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "${extra[@]}" "$url" >/dev/null 2>&1
  local before ticks
  before="$(load)"
  ticks="$(cpu_ticks)"
  log "$label: measuring $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "${extra[@]}" "$url" >"$out" 2>&1
  local rps p50 p99 non requests cpu
  ticks=$(( $(cpu_ticks) - ticks ))
  requests="$(awk '/requests in/ {print $1; exit}' "$out")"
  cpu="$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { if (n > 0) printf "%.2f", t * 1000 / hz / n; else print "n/a" }')"
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2; exit}' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2; exit}' "$out")")"
  non="$(awk '/Non-2xx or 3xx responses:/ {print $NF; f=1} END {if (!f) print 0}' "$out")"
  ROWS+=("$label|$name|$rps|$p50|$p99|$non|$cpu|$before / $(load)")
}

for pair in $JARS; do
  label="${pair%%=*}"
  JAR="${pair#*=}"
  [[ -f "$JAR" ]] || die "no jar at $JAR"
  port="${BENCH_PORT:-18180}"
  while (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; do port=$((port + 1)); done
  BASE="http://$HOST:$port"
  log "$label: starting $JAR (H2) on $BASE"
  # shellcheck disable=SC2086
  GAZETTE_ADMIN_EMAIL="$ADMIN_EMAIL" GAZETTE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$port" --server.address="$HOST" \
    --gazette.data-dir="$WORK/$label-data" --gazette.demo-content=true --gazette.comments.page-size=100 \
    --gazette.moderation.burst-count=100000000 --gazette.moderation.per-client-checks=false \
    >"$WORK/$label-gazette.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    kill -0 "$APP_PID" 2>/dev/null || die "Gazette exited; see $WORK/$label-gazette.log"
    curl -sf --noproxy '*' --max-time 2 "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
    sleep 1
  done
  cookie="$(python3 "$SCRIPT_DIR/signed_in_session.py" "$BASE" "$SLUG" "$TARGET_COMMENTS" "$TOP_LEVEL" \
    "$ADMIN_EMAIL" "$ADMIN_PASSWORD")" || die "$label: seeding or signing in"
  URL="$BASE/articles/$SLUG"
  curl -s --noproxy '*' -H "Cookie: $cookie" "$URL" >"$WORK/$label-signed-in.html"
  curl -s --noproxy '*' "$URL" >"$WORK/$label-anonymous.html"
  log "$label: signed-in page $(wc -c <"$WORK/$label-signed-in.html") bytes, $(grep -o 'name="_csrf"' "$WORK/$label-signed-in.html" | wc -l) CSRF fields; anonymous page $(wc -c <"$WORK/$label-anonymous.html") bytes"
  measure "$label" signed-in "$URL" "$cookie"
  measure "$label" anonymous "$URL"
  stop_app
done

{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"
  echo "$(java -version 2>&1 | head -n 1). wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up; H2; the page:"
  echo "$TARGET_COMMENTS comments in $TOP_LEVEL threads, at most 3 deep, all on one page; signed in as a moderator."
  echo
  echo "| jar | page | requests/s | p50 (ms) | p99 (ms) | non-2xx | Gazette CPU per request (ms) | load average before / after |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r label name rps p50 p99 non cpu loads <<<"$row"
    echo "| $label | $name | $rps | $p50 | $p99 | $non | $cpu | $loads |"
  done
} | tee "$WORK/summary.md"
