#!/usr/bin/env bash
# Import at scale (issue 17, item 6): generates a WordPress export of POSTS posts and COMMENTS comments
# (bench/import_scale_wxr.py), imports it into a fresh database with the command line
# (java -jar gazette.jar import wordpress FILE), then exports the imported site again (export wordpress), and prints
# each one's wall time, the process's peak memory (max resident set size, from /usr/bin/time -v) and the JVM's heap
# bound and GC pauses (-Xlog:gc). A benchmark, not a test.
#   bench/import-scale.sh [POSTS=50000] [COMMENTS=1000000]
# Environment: HEAP (-Xmx, default 512m: the point is bounded memory), GAZETTE_JAR (default: built with ./mvnw package),
# WORK (default a fresh temporary folder; removed afterwards unless KEEP=1), DB=h2|postgres (default h2; postgres
# creates gazette_bench_<random> on 127.0.0.1:5432, user postgres, and drops it afterwards), EXPORT=0 to skip the export.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
POSTS="${1:-50000}"
COMMENTS="${2:-1000000}"
HEAP="${HEAP:-512m}"
DB="${DB:-h2}"
WORK="${WORK:-$(mktemp -d /tmp/gazette-import-scale.XXXXXX)}"
mkdir -p "$WORK"
PGDB=""
cleanup() {
  if [[ -n "$PGDB" ]]; then psql -h 127.0.0.1 -U postgres -qc "drop database if exists $PGDB" >/dev/null 2>&1 || true; fi
  if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

cd "$REPO_ROOT"
JAR="${GAZETTE_JAR:-}"
if [[ -z "$JAR" ]]; then
  ./mvnw -q -o -B -DskipTests -Djacoco.skip=true package
  JAR="$REPO_ROOT/target/gazette-0.1.0-SNAPSHOT.jar"
fi

SETTINGS=(--gazette.data-dir="$WORK/data" --gazette.base-url=https://scale-moved.example)
if [[ "$DB" == postgres ]]; then
  PGDB="gazette_bench_$RANDOM$RANDOM"
  psql -h 127.0.0.1 -U postgres -qc "create database $PGDB" >/dev/null
  SETTINGS+=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$PGDB" --spring.datasource.username=postgres)
fi

# Runs the jar with these arguments under /usr/bin/time -v; prints wall time, max RSS and the GC summary.
measure() {
  local name="$1"; shift
  /usr/bin/time -v -o "$WORK/$name.time" java -Xmx"$HEAP" -XX:+UseG1GC -Xlog:gc:file="$WORK/$name.gc" \
    -jar "$JAR" "$@" "${SETTINGS[@]}" > "$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; exit 1; }
  tr '\r' '\n' < "$WORK/$name.out" | grep -v '^\[' | grep -v '^$' | grep -v '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T' \
    | tail -n 14
  local wall rss pauses longest
  wall=$(grep 'Elapsed (wall clock)' "$WORK/$name.time" | sed 's/.*): //')
  rss=$(grep 'Maximum resident set size' "$WORK/$name.time" | sed 's/.*: //')
  pauses=$(grep -c 'Pause' "$WORK/$name.gc" || true)
  longest=$(grep -o 'Pause[^)]*) [0-9.]*ms' "$WORK/$name.gc" | grep -o '[0-9.]*ms$' | sort -n | tail -1 || true)
  echo "$name: wall $wall, max RSS $((rss / 1024)) MB, heap bound -Xmx$HEAP, GC pauses $pauses (longest ${longest:-none})"
}

{
  echo "posts $POSTS comments $COMMENTS heap $HEAP db $DB cpus $(nproc) load_before $(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(date +%s)
  python3 "$SCRIPT_DIR/import_scale_wxr.py" "$WORK/site.xml" "$POSTS" "$COMMENTS"
  echo "generated $WORK/site.xml: $(du -m "$WORK/site.xml" | cut -f1) MB in $(( $(date +%s) - start )) s"
  measure import import wordpress "$WORK/site.xml"
  echo "load_after_import $(cut -d' ' -f1-3 /proc/loadavg)"
  if [[ "${EXPORT:-1}" == 1 ]]; then
    measure export export wordpress "$WORK/export.xml"
    echo "exported $(du -m "$WORK/export.xml" | cut -f1) MB; load_after_export $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
} | tee "$WORK/results.txt"
if [[ "${KEEP:-0}" == 1 ]]; then echo "kept: $WORK"; fi
