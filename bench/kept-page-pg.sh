#!/usr/bin/env bash
# The kept article page on PostgreSQL: requests/s, and what each request costs the database (transactions, from
# pg_stat_database) and Gazette (CPU, from /proc). One or more jars, one after the other (issue 14). See bench/README.md.
# Usage: bash bench/kept-page-pg.sh LABEL=JAR [LABEL=JAR ...]
# Environment: BENCH_PORT (default: a free one), BENCH_JAVA_OPTS, BENCH_WARMUP / BENCH_DURATION (default 40s / 20s).
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres), wrk, curl, python3; makes and drops the database gazette_keptpage.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
LOG_NAME=kept-page-pg
# shellcheck source=bench/lib.sh
source "$SCRIPT_DIR/lib.sh"
trap 'bench_stop' EXIT
PORT="${BENCH_PORT:-$(bench_free_port)}"; WARMUP="${BENCH_WARMUP:-40s}"; DURATION="${BENCH_DURATION:-20s}"
DB=gazette_keptpage; HOST=127.0.0.1; SLUG=in-praise-of-the-slow-ferry
[[ $# -gt 0 ]] || { echo "usage: $0 LABEL=JAR ..." >&2; exit 2; }
sql() { psql -h "$HOST" -U postgres -tAqc "$1" </dev/null; }
echo "| jar | requests/s | p99 | transactions a request | Gazette CPU a request |"
echo "| --- | ---: | ---: | ---: | ---: |"
for pair in "$@"; do
  label="${pair%%=*}"; jar="${pair#*=}"; work="$(mktemp -d /tmp/gazette-kept-page.XXXXXX)"
  sql "drop database if exists $DB with (force)"; sql "create database $DB"
  JAR="$jar"
  bench_start "$work/gazette.log" --server.port="$PORT" --server.address="$HOST" --gazette.data-dir="$work/data" \
    --spring.datasource.url="jdbc:postgresql://$HOST:5432/$DB" --spring.datasource.username=postgres \
    --gazette.demo-content=true --gazette.comments.page-size=100 \
    --gazette.moderation.burst-count=100000000 --gazette.moderation.per-client-checks=false
  pid="$APP_PID"
  bench_wait_up "http://$HOST:$PORT" 240 "$work/gazette.log"
  bench_wait_page "http://$HOST:$PORT" "/articles/$SLUG" || { log "the demo article never answered"; exit 1; }
  python3 "$SCRIPT_DIR/peer_comments.py" "http://$HOST:$PORT" "$SLUG" 200 60 >/dev/null
  url="http://$HOST:$PORT/articles/$SLUG"
  wrk -t2 -c32 -d"$WARMUP" -H 'Accept-Encoding: gzip' "$url" >/dev/null 2>&1
  x0="$(sql "select xact_commit from pg_stat_database where datname = '$DB'")"; c0="$(awk '{print $14 + $15}' /proc/$pid/stat)"
  wrk -t2 -c32 -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$url" >"$work/wrk.txt" 2>&1
  x1="$(sql "select xact_commit from pg_stat_database where datname = '$DB'")"; c1="$(awk '{print $14 + $15}' /proc/$pid/stat)"
  n="$(awk '/requests in/ {print $1}' "$work/wrk.txt")"
  printf '| %s | %s | %s | %s | %s ms |\n' "$label" "$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")" \
    "$(python3 -c "print(round(($x1 - $x0) / $n, 2))")" \
    "$(python3 -c "print(round(($c1 - $c0) * 1000 / $(getconf CLK_TCK) / $n, 2))")"
  bench_stop
  sql "drop database if exists $DB with (force)"
done
