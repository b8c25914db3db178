#!/usr/bin/env bash
# Gazette load benchmark: article page (200 threaded comments) and comment POSTs, on H2 and PostgreSQL.
# See bench/README.md. Environment:
#   GAZETTE_JAR      use this jar instead of building one with ./mvnw
#   BENCH_DBS        databases to run, default "h2 postgres"
#   BENCH_PORT       first port to try, default 18080 (the next free one up to +99 is used)
#   BENCH_WARMUP     wrk warm-up duration, default 10s
#   BENCH_DURATION   wrk measured duration, default 20s
#   BENCH_THREADS / BENCH_CONNECTIONS   wrk -t / -c, default 2 / 32
#   BENCH_JAVA_OPTS  extra JVM options for Gazette (e.g. -XX:StartFlightRecording=...)
#   BENCH_RESULTS    where to write the Markdown results, default bench/results-latest.md
#   BENCH_KEEP_LOGS  1 = keep the temp dir with the app logs and wrk outputs
#   BENCH_GZIP       1 = also measure the article page with Accept-Encoding: gzip (what browsers send)
#   BENCH_GUESTS     guests a wrk thread posts as, each with an address (default 5000; 0 = no address, no history read)
#   BENCH_SCENARIOS  which runs, default "page post"; "post" alone skips the 196-comment seeding and the page
#   BENCH_JFR_DIR    run Gazette with JFR (CPU samples only) and dump each measured run into this directory
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

DBS="${BENCH_DBS:-h2 postgres}"
WARMUP="${BENCH_WARMUP:-10s}"
DURATION="${BENCH_DURATION:-20s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
SCENARIOS="${BENCH_SCENARIOS:-page post}"
RESULTS="${BENCH_RESULTS:-$SCRIPT_DIR/results-latest.md}"
PAGE_SLUG="in-praise-of-the-slow-ferry"
POST_SLUG="our-streets-are-too-hot"
TARGET_COMMENTS=200
TOP_LEVEL_THREADS=40
HOST=127.0.0.1
PG_HOST=127.0.0.1
PG_PORT=5432

WORK="$(mktemp -d /tmp/gazette-bench-run.XXXXXX)"
APP_PID=""
PG_DB=""
FAILED=0

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; FAILED=1; exit 1; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping Gazette (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "Gazette did not stop in 30 s; killing pid $APP_PID"
      kill -9 "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

drop_db() {
  if [[ -n "$PG_DB" ]]; then
    log "dropping database $PG_DB"
    local try
    for try in 1 2 3 4 5 6; do # the server may be out of connections for a moment (shared machine)
      if psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qc "drop database if exists $PG_DB" </dev/null; then
        PG_DB=""
        return 0
      fi
      sleep 5
    done
    log "could not drop database $PG_DB; drop it by hand"
    PG_DB=""
  fi
}

cleanup() {
  local rc=$?
  stop_app
  drop_db
  if [[ "${BENCH_KEEP_LOGS:-0}" == 1 || $rc -ne 0 || $FAILED -ne 0 ]]; then
    log "logs kept in $WORK"
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for tool in wrk curl python3 java; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done

# ---------------------------------------------------------------- jar
if [[ -n "${GAZETTE_JAR:-}" ]]; then
  JAR="$GAZETTE_JAR"
else
  log "building the jar in $REPO_ROOT"
  (cd "$REPO_ROOT" && ./mvnw -q -B -DskipTests package)
  JAR="$(ls "$REPO_ROOT"/target/gazette-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' -e '-plain' | head -n 1 || true)"
fi
[[ -n "$JAR" && -f "$JAR" ]] || die "no Gazette jar found (GAZETTE_JAR=${GAZETTE_JAR:-unset})"
log "jar: $JAR"

# ---------------------------------------------------------------- helpers
port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

free_port() {
  local p="${BENCH_PORT:-18080}" last
  last=$((p + 99))
  while ((p <= last)); do
    if ! port_in_use "$p"; then echo "$p"; return 0; fi
    p=$((p + 1))
  done
  return 1
}

# pg_writes: commits and rows inserted / updated / deleted so far in the benchmark's database
pg_writes() {
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -Atqc "select xact_commit, tup_inserted, tup_updated, tup_deleted
    from pg_stat_database where datname = '$PG_DB'" </dev/null | tr '|' ' '
}

pg_ready() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -Atqc 'select 1' </dev/null >/dev/null 2>&1; }

ensure_postgres() {
  if pg_ready; then return 0; fi
  command -v pg_ctlcluster >/dev/null 2>&1 || die "PostgreSQL is not accepting connections and pg_ctlcluster is missing"
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_ready && return 0
    sleep 1
  done
  die "PostgreSQL on $PG_HOST:$PG_PORT is not accepting connections"
}

# start_app <db> : starts Gazette, sets APP_PID, BASE, APP_LOG
start_app() {
  local db="$1" port data
  port="$(free_port)" || die "no free port near ${BENCH_PORT:-18080}"
  data="$(mktemp -d "$WORK/data-$db.XXXXXX")"
  APP_LOG="$WORK/gazette-$db.log"
  BASE="http://$HOST:$port"
  local args=(--server.port="$port" --server.address="$HOST" --gazette.data-dir="$data" --gazette.demo-content=true)
  # wrk posts thousands of comments a second from one address: the screening still runs on every one (words,
  # classifier, trust), but the burst and per-address spam checks would hold them all, which is not the path measured.
  args+=(--gazette.moderation.burst-count=100000000 --gazette.moderation.per-client-checks=false)
  if [[ "$db" == postgres ]]; then
    ensure_postgres
    PG_DB="gazette_bench_$(date +%s)_$RANDOM"
    log "creating database $PG_DB"
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qc "create database $PG_DB" </dev/null
    args+=(--spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" --spring.datasource.username=postgres)
  fi
  local jfr_opts=()
  if [[ -n "${BENCH_JFR_DIR:-}" ]]; then
    # JFR runs from the start (CPU samples only) and each measured run gets its own recording: starting JFR for the
    # first time in a warm JVM deoptimises the hot code and skews the next ~20 s, and the stock "profile" settings
    # cost this page far more than these two events.
    mkdir -p "$BENCH_JFR_DIR"
    cat >"$WORK/cpu-samples.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="cpu samples">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
  <event name="jdk.NativeMethodSample"><setting name="enabled">true</setting><setting name="period">20 ms</setting></event>
</configuration>
JFC
    jfr_opts=("-XX:StartFlightRecording=name=bench,settings=$WORK/cpu-samples.jfc")
  fi
  log "starting Gazette ($db) on $BASE, log $APP_LOG"
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:-} "${jfr_opts[@]}" -jar "$JAR" "${args[@]}" >"$APP_LOG" 2>&1 &
  APP_PID=$!
  local started=0
  for _ in $(seq 1 180); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
    if curl -sf --noproxy '*' --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      started=1
      break
    fi
    sleep 1
  done
  if ((started == 0)); then
    log "Gazette ($db) did not become healthy; last lines of $APP_LOG:"
    tail -n 60 "$APP_LOG" >&2 || true
    die "startup ($db)"
  fi
  log "Gazette ($db) is up (pid $APP_PID)"
}

# seed: bring the page article to TARGET_COMMENTS published comments in TOP_LEVEL_THREADS threads
seed() {
  python3 - "$BASE" "$PAGE_SLUG" "$TARGET_COMMENTS" "$TOP_LEVEL_THREADS" <<'PY'
import json, random, sys, urllib.request

base, slug, target, top_target = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
api = f"{base}/api/v1/articles/{slug}/comments"
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

def get_tree():
    with opener.open(f"{api}?size=200", timeout=30) as r:
        return int(r.headers["X-Total-Count"]), json.load(r)

def nodes(tree, depth=1):
    for n in tree:
        yield n, depth
        yield from nodes(n["replies"], depth + 1)

def post(i, parent):
    words = ["ferry", "bridge", "tunnel", "timetable", "tea", "harbour", "commute", "gulls", "deck", "fare"]
    body = (f"Comment {i} on the slow ferry. I take the {words[i % 10]} route most mornings and I agree with "
            f"most of this. The {words[(i * 3) % 10]} matters more than the planners think.\n\n"
            f"Still, *some* of us are in a hurry, and a faster {words[(i * 7) % 10]} would help. "
            f"See https://example.org/ferry/{i} for the numbers.")
    req = urllib.request.Request(api, method="POST",
        data=json.dumps({"authorName": f"Reader {i}", "body": body, "parentId": parent}).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"})
    with opener.open(req, timeout=30) as r:
        if r.status != 201:
            sys.exit(f"POST answered {r.status}")
        return json.load(r)["id"]

threads, tree = get_tree()
existing = list(nodes(tree))
missing = target - len(existing)
new_top = top_target - threads
if missing < new_top or new_top < 0:
    sys.exit(f"article has {len(existing)} comments in {threads} threads; cannot reach {target} in {top_target}")

rng = random.Random(20261129)
# every new thread: a top-level comment, then its replies (parents chosen among earlier comments, depth <= 4)
replies = missing - new_top
per_thread = [replies // new_top + (1 if k < replies % new_top else 0) for k in range(new_top)]
n = 0
for k in range(new_top):
    n += 1
    top = post(n, None)
    members = [(top, 1)]
    for _ in range(per_thread[k]):
        n += 1
        # prefer the most recent comment that can still take a reply, so chains reach 3-4 levels
        candidates = [m for m in members if m[1] < 4]
        parent, depth = candidates[-1] if rng.random() < 0.55 else rng.choice(candidates)
        members.append((post(n, parent), depth + 1))

threads, tree = get_tree()
all_nodes = list(nodes(tree))
published = sum(1 for node, _ in all_nodes if node["status"] == "published")
deepest = max(d for _, d in all_nodes)
print(f"posted {n}; now {published} published comments in {threads} threads, deepest level {deepest}")
if published != target or threads != top_target:
    sys.exit(f"expected {target} published comments in {top_target} threads")
PY
}

# wrk output parsers: wrk_rps <file>, wrk_pct <file> 50%|99%, wrk_non2xx <file>
wrk_rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
wrk_pct() { awk -v p="$2" '$1 == p {print $2; exit}' "$1"; }
wrk_non2xx() { awk '/Non-2xx or 3xx responses:/ {print $NF; found=1} END {if (!found) print 0}' "$1"; }
wrk_socket_errors() { grep -E 'Socket errors' "$1" | sed 's/^ *//' || true; }

ROWS=()
NOTES=()
CPU=()
HZ="$(getconf CLK_TCK)"
NCPU="$(nproc)"

# CPU accounting, in clock ticks (the machine may be shared: "others" is everything but Gazette, wrk and PostgreSQL)
app_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
pg_ticks() { { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '$2 == "(postgres)" {s += $14 + $15} END {print s + 0}'; }
machine_ticks() { awk '$1 == "cpu" {print $2 + $3 + $4 + $9}' /proc/stat; } # user nice system steal
irq_ticks() { awk '$1 == "cpu" {print $7 + $8}' /proc/stat; }                     # irq softirq (loopback traffic)
app_written() { awk '$1 == "write_bytes:" {print $2}' "/proc/$APP_PID/io"; } # bytes Gazette sent to the disk

# others_busy <seconds>: CPU used by processes other than Gazette and PostgreSQL, in % of one core
others_busy() {
  local a0 p0 m0 a1 p1 m1
  a0="$(app_ticks)" p0="$(pg_ticks)" m0="$(machine_ticks)"
  sleep "$1"
  a1="$(app_ticks)" p1="$(pg_ticks)" m1="$(machine_ticks)"
  echo $(((m1 - m0 - (a1 - a0) - (p1 - p0)) * 100 / (HZ * $1)))
}

# wait_idle: wait (bounded by BENCH_IDLE_WAIT seconds, default 300) until other work uses < 25% of one core
wait_idle() {
  local what="$1" busy waited=0 limit="${BENCH_IDLE_WAIT:-300}"
  busy="$(others_busy 3)"
  while ((busy >= 25 && waited < limit)); do
    ((waited == 0)) && log "other processes use ${busy}% of a core; waiting up to ${limit}s for the machine to calm down"
    sleep 7
    waited=$((waited + 10))
    busy="$(others_busy 3)"
  done
  if ((busy >= 25)); then
    NOTES+=("$what: started while other processes used ${busy}% of a core (waited ${waited}s)")
  elif ((waited > 0)); then
    log "machine idle after ${waited}s"
  fi
}

# measure <db> <scenario> <outfile> <wrk args...>: one measured wrk run, with CPU accounting and optional JFR
measure() {
  local db="$1" scenario="$2" out="$3" jfr a0 a1 p0 p1 m0 m1 i0 i1 w0 w1 b0 b1 wrk_cpu requests
  shift 3
  wait_idle "$db $scenario"
  if [[ -n "${BENCH_JFR_DIR:-}" ]]; then
    jfr="$BENCH_JFR_DIR/$db-$scenario.jfr"
    jcmd "$APP_PID" JFR.start name="run-$scenario" settings="$WORK/cpu-samples.jfc" >/dev/null
  fi
  local s0="" s1=""
  # PostgreSQL counts a backend's commits and rows when it reports (after 10 s idle at the latest): wait for the
  # warm-up's to land before the first look, and for the run's (and its after-commit listeners') before the second.
  [[ "$db" == postgres ]] && sleep 11 && s0="$(pg_writes)"
  a0="$(app_ticks)" p0="$(pg_ticks)" m0="$(machine_ticks)" i0="$(irq_ticks)" w0="$(date +%s.%N)" b0="$(app_written)"
  run_wrk show "$out" "$@"
  a1="$(app_ticks)" p1="$(pg_ticks)" m1="$(machine_ticks)" i1="$(irq_ticks)" w1="$(date +%s.%N)" b1="$(app_written)"
  [[ "$db" == postgres ]] && sleep 11 && s1="$(pg_writes)"
  if [[ -n "${BENCH_JFR_DIR:-}" ]]; then
    jcmd "$APP_PID" JFR.stop name="run-$scenario" filename="$jfr" >/dev/null
    log "JFR recording of this run: $jfr"
  fi
  wrk_cpu="$(awk '{print $1 + $2}' "$out.cpu")"
  requests="$(awk '/ requests in / {print $1}' "$out")"
  CPU+=("$(awk -v d="$db" -v s="$scenario" -v a="$((a1 - a0))" -v p="$((p1 - p0))" -v m="$((m1 - m0))" -v i="$((i1 - i0))" -v k="$wrk_cpu" \
    -v hz="$HZ" -v w0="$w0" -v w1="$w1" -v n="$NCPU" -v r="${requests:-0}" 'BEGIN {
      w = w1 - w0; a /= hz; p /= hz; m /= hz; i /= hz; o = m - a - p - k; if (o < 0) o = 0
      printf "%s %s: %.1f s x %d cores = %.1f CPU-s: Gazette %.1f (%.2f ms per request), wrk %.1f, PostgreSQL %.1f", \
        d, s, w, n, w * n, a, (r > 0 ? 1000 * a / r : 0), k, p
      printf ", kernel irq %.1f, others %.1f, idle %.1f", i, o, w * n - m - i
      if (o > 0.1 * w * n) printf " -- OTHER PROCESSES WERE BUSY, numbers not comparable"
    }')")
  # What Gazette's own process wrote to the disk (on H2 the database file, with the upkeep's compaction, and the
  # search index; on PostgreSQL the search index): steadier from run to run than requests/s on a shared machine.
  CPU+=("$(awk -v d="$db" -v s="$scenario" -v b="$((b1 - b0))" -v r="${requests:-0}" \
    'BEGIN { if (r > 0) printf "%s %s: Gazette wrote %.1f KB to the disk per request", d, s, b / r / 1024 }')")
  if [[ -n "$s0" && -n "$s1" ]]; then
    # commits, rows inserted, updated, deleted in the benchmark's database per request: what each request costs the
    # database, which the machine's load does not change
    CPU+=("$(echo "$s0 $s1" | awk -v d="$db" -v s="$scenario" -v r="${requests:-0}" '{
      if (r > 0) printf "%s %s: PostgreSQL per request (listeners after the commit included): %.2f transactions (read-only ones too), %.2f rows inserted, %.2f updated, %.2f deleted", \
        d, s, ($5 - $1) / r, ($6 - $2) / r, ($7 - $3) / r, ($8 - $4) / r }')")
  fi
}

run_wrk() { # run_wrk quiet|show <outfile> <wrk args...>; wrk's user+system CPU seconds go to <outfile>.cpu
  local mode="$1" out="$2" TIMEFORMAT='%U %S'
  shift 2
  if ! { time timeout 300 wrk "$@" >"$out" 2>&1; } 2>"$out.cpu"; then
    cat "$out" >&2
    die "wrk $*"
  fi
  [[ "$mode" == quiet ]] || cat "$out" >&2
}

bench_db() {
  local db="$1"
  start_app "$db"
  local page_url="$BASE/articles/$PAGE_SLUG" shown="" out
  if [[ " $SCENARIOS " == *" page "* ]]; then
    log "seeding $PAGE_SLUG with $TARGET_COMMENTS comments"
    seed || die "seeding ($db)"

    shown="$(curl -sf --noproxy '*' --max-time 30 "$page_url" | grep -o '<li class="comment" id="comment-' | wc -l || true)"
    log "article page shows $shown comments"
    [[ "$shown" -eq "$TARGET_COMMENTS" ]] || NOTES+=("$db: the article page showed $shown comments, expected $TARGET_COMMENTS")

    log "warm-up: $WARMUP page"
    run_wrk quiet "$WORK/$db-warmup-page.txt" -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$page_url"

    log "article page: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $page_url"
    out="$WORK/$db-page.txt"
    measure "$db" page "$out" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$page_url"
    ROWS+=("| $db | GET article page (200 comments) | $(wrk_rps "$out") | $(wrk_pct "$out" 50%) | $(wrk_pct "$out" 99%) | $(wrk_non2xx "$out") |")
    [[ -z "$(wrk_socket_errors "$out")" ]] || NOTES+=("$db page: $(wrk_socket_errors "$out")")

    if [[ "${BENCH_GZIP:-0}" == 1 ]]; then
      local encoding
      encoding="$(curl -s --noproxy '*' --max-time 30 -o /dev/null -D - -H 'Accept-Encoding: gzip' "$page_url" |
        awk -F': *' 'tolower($1) == "content-encoding" {print $2}' | tr -d '\r' || true)"
      log "article page with Accept-Encoding: gzip (answered with Content-Encoding: ${encoding:-none})"
      out="$WORK/$db-page-gzip.txt"
      measure "$db" page-gzip "$out" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$page_url"
      ROWS+=("| $db | GET article page, gzip (${encoding:-not compressed}) | $(wrk_rps "$out") | $(wrk_pct "$out" 50%) | $(wrk_pct "$out" 99%) | $(wrk_non2xx "$out") |")
      [[ -z "$(wrk_socket_errors "$out")" ]] || NOTES+=("$db page-gzip: $(wrk_socket_errors "$out")")
    fi
  fi

  if [[ " $SCENARIOS " == *" post "* ]]; then
    log "warm-up: $WARMUP POST"
    run_wrk quiet "$WORK/$db-warmup-post.txt" -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" \
      -s "$SCRIPT_DIR/post-comment.lua" "$BASE/api/v1/articles/$POST_SLUG/comments"
    log "comment POST: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s post-comment.lua"
    out="$WORK/$db-post.txt"
    measure "$db" post "$out" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SCRIPT_DIR/post-comment.lua" \
      "$BASE/api/v1/articles/$POST_SLUG/comments"
    local non201
    non201="$(awk '/^Comment POSTs:/ {print $5}' "$out")"
    [[ -n "$non201" ]] || die "post-comment.lua printed no totals ($db)"
    ROWS+=("| $db | POST comment (JSON API) | $(wrk_rps "$out") | $(wrk_pct "$out" 50%) | $(wrk_pct "$out" 99%) | $non201 |")
    [[ -z "$(wrk_socket_errors "$out")" ]] || NOTES+=("$db post: $(wrk_socket_errors "$out")")
    ((non201 == 0)) || NOTES+=("$db post: $(grep -A20 '^Comment POSTs:' "$out" | tr '\n' ' ')")
  fi

  # the page article must be untouched by the POST run
  local after
  after="$(curl -sf --noproxy '*' --max-time 30 "$page_url" | grep -o '<li class="comment" id="comment-' | wc -l || true)"
  [[ -z "$shown" || "$after" -eq "$shown" ]] || NOTES+=("$db: the article page changed during the POST run ($shown -> $after comments)")

  stop_app
  drop_db
}

for db in $DBS; do
  case "$db" in
    h2 | postgres) bench_db "$db" ;;
    *) die "unknown database '$db' (use h2 and/or postgres)" ;;
  esac
done

# ---------------------------------------------------------------- report
CPU_MODEL="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
JAVA_VERSION="$(java -version 2>&1 | sed 's/^/    /')"
{
  echo "# Gazette load benchmark"
  echo
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')  "
  echo "Jar: \`$(basename "$JAR")\`  "
  echo "wrk: \`-t$THREADS -c$CONNECTIONS -d$DURATION --latency\` after a $WARMUP warm-up, wrk on the same machine as Gazette"
  echo
  echo "| database | scenario | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Page: \`GET /articles/$PAGE_SLUG\`, $TARGET_COMMENTS published comments in $TOP_LEVEL_THREADS threads (replies up to 4 levels), all on comment page 1, no gzip requested."
  echo "POST: \`POST /api/v1/articles/$POST_SLUG/comments\` (JSON, new top-level guest comment per request); its non-2xx column counts responses other than 201 (post-comment.lua)."
  if ((${#CPU[@]} > 0)); then
    echo
    echo "CPU during the measured runs (from /proc; \"others\" = everything else on the machine, incl. steal time):"
    printf -- '- %s\n' "${CPU[@]}"
  fi
  if ((${#NOTES[@]} > 0)); then
    echo
    echo "Notes:"
    printf -- '- %s\n' "${NOTES[@]}"
  fi
  echo
  echo "## Machine"
  echo
  echo "- CPUs (nproc): $(nproc)"
  echo "- CPU model: $CPU_MODEL"
  echo "- Memory (free -g):"
  echo
  free -g | sed 's/^/    /'
  echo
  echo "- Java:"
  echo
  echo "$JAVA_VERSION"
} >"$WORK/results.md"
cp "$WORK/results.md" "$RESULTS"
echo
cat "$RESULTS"
