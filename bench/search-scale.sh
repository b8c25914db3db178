#!/usr/bin/env bash
# Search at scale (issue 16, item 7): indexes ARTICLES generated articles and COMMENTS generated comments straight into
# a fresh Lucene index through Gazette's own engine, then times one-word, phrase, filtered, date-ordered and
# moderators' comment queries from CLIENTS concurrent threads for SECONDS each, and reports indexing time, index size
# and heap. A benchmark, not a test; see bench/SearchScale.java for what it measures and leaves out.
#   bench/search-scale.sh [ARTICLES=100000] [COMMENTS=1000000] [CLIENTS=16] [SECONDS=20]
# Environment: HEAP (default 1g, the JVM's -Xmx), WORK (the index folder's parent; default a fresh temporary folder,
# removed afterwards unless KEEP=1). Writes the results to stdout and, with the load average, to $WORK/results.txt.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
ARTICLES="${1:-100000}"
COMMENTS="${2:-1000000}"
CLIENTS="${3:-16}"
SECONDS_EACH="${4:-20}"
HEAP="${HEAP:-1g}"
WORK="${WORK:-$(mktemp -d /tmp/gazette-search-scale.XXXXXX)}"
mkdir -p "$WORK"
cleanup() { if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK/data"; fi; }
trap cleanup EXIT

cd "$REPO_ROOT"
./mvnw -q -o -B -DskipTests -Djacoco.skip=true compile
./mvnw -q -o -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="$REPO_ROOT/target/classes:$(cat "$WORK/classpath.txt")"

{
  echo "articles $ARTICLES comments $COMMENTS clients $CLIENTS seconds_per_kind $SECONDS_EACH heap $HEAP"
  echo "cpus $(nproc) load_before $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx"$HEAP" -XX:+UseG1GC -cp "$CP" "$SCRIPT_DIR/SearchScale.java" "$WORK/data" "$ARTICLES" "$COMMENTS" "$CLIENTS" \
    "$SECONDS_EACH"
  echo "load_after $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$WORK/results.txt"
