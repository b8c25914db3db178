#!/usr/bin/env bash
# Start time: from launching the jar on a fresh data directory (demo content on) to
#   - the first page: GET / answers 200,
#   - ready: GET /actuator/health/readiness answers 200 (demo content loaded, moderation model in memory),
#   - the first comment: POST to a demo article's comments answers 201 (and how long that post took),
# and the CPU time the JVM had used when it was ready (user + system, all threads): on a shared machine the wall
# times swing with other people's load, the CPU time much less. Repeats BENCH_RUNS times (3); prints the median.
#
#   bash bench/start-time.sh                       # java -jar target/gazette-*.jar, as README runs it
#   BENCH_CDS=1 bash bench/start-time.sh           # the extracted jar with its class data sharing archive
#   BENCH_AOT=1 BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64 bash bench/start-time.sh   # Java 25's AOT cache
#   BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64 bash bench/start-time.sh    # another JDK (its home or its java)
#   GAZETTE_JAR=/path/to/other.jar bash bench/start-time.sh
#   BENCH_JAVA_OPTS='-XX:TieredStopAtLevel=1' bash bench/start-time.sh
#   BENCH_APP_ARGS='--springdoc.api-docs.enabled=false' bash bench/start-time.sh   # Gazette arguments
#   BENCH_MVN=1 bash bench/start-time.sh           # README's run command, ./mvnw -o spring-boot:run (Maven included)
# The archive or cache (bench/cds-archive.sh) is recorded once per jar, JDK and BENCH_JAVA_OPTS, and kept, so
# that variants can be interleaved (bench/start-compare.sh); BENCH_FRESH_CACHE=1 records it anew.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

JAR=${GAZETTE_JAR:-$(ls target/gazette-*.jar | grep -v original | head -1)}
RUNS=${BENCH_RUNS:-3}
PORT=${BENCH_PORT:-18180}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
JAVA=${BENCH_JAVA:-java}
if [ -d "$JAVA" ]; then JAVA=$JAVA/bin/java; fi
if [ "${BENCH_CDS:-0}" = 1 ] || [ "${BENCH_AOT:-0}" = 1 ]; then
  if [ "${BENCH_AOT:-0}" = 1 ]; then kind=aot; else kind=cds; fi
  keep=--if-stale
  if [ "${BENCH_FRESH_CACHE:-0}" = 1 ]; then keep=""; fi
  cache=$(JAVA="$JAVA" JAVA_OPTS="$JAVA_OPTS" CACHE_KIND=$kind TRAIN_PORT=$PORT bash bench/cds-archive.sh $keep "$JAR" | tail -1)
  JAR=$(dirname "$cache")/$(basename "$JAR")
  if [ "$kind" = aot ]; then JAVA_OPTS="$JAVA_OPTS -XX:AOTCache=$cache"; else JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=$cache"; fi
fi
if [ "$RUNS" = 0 ]; then exit 0; fi   # only record the archive or cache
SLUG=in-praise-of-the-slow-ferry
now_ms() { date +%s%3N; }

results=()
for run in $(seq 1 "$RUNS"); do
  work=$(mktemp -d)
  start=$(now_ms)
  if [ "${BENCH_MVN:-0}" = 1 ]; then
    # Maven forks the application's JVM (with the pom's jvmArguments); the CPU figure is that JVM's alone.
    ./mvnw -B -q -o spring-boot:run -Dspring-boot.run.arguments="--server.port=$PORT --gazette.data-dir=$work/data \
        ${BENCH_APP_ARGS:-}" >"$work/app.log" 2>&1 &
    mvn_pid=$!
    pid=""
    while [ -z "$pid" ]; do
      kill -0 "$mvn_pid" 2>/dev/null || { echo "Maven stopped; log: $work/app.log" >&2; exit 1; }
      pid=$(pgrep -f "gazette.data-dir=$work/data.*dev.gazette.GazetteApplication|dev.gazette.GazetteApplication.*gazette.data-dir=$work/data" || true)
      sleep 0.05
    done
  else
    # shellcheck disable=SC2086
    (cd "$work" && exec "$JAVA" $JAVA_OPTS -jar "$(cd "$ROOT" && realpath "$JAR")" --server.port="$PORT" \
        --gazette.data-dir="$work/data" ${BENCH_APP_ARGS:-} >"$work/app.log" 2>&1) &
    pid=$!
  fi
  first_page=""; ready=""; cpu=""
  while [ -z "$first_page" ] || [ -z "$ready" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app stopped; log: $work/app.log" >&2; exit 1; fi
    t=$(now_ms)
    if [ -z "$first_page" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")" = 200 ]; then
      first_page=$((t - start))
    fi
    if [ -z "$ready" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health/readiness")" = 200 ]; then
      ready=$((t - start))
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
    fi
    sleep 0.05
  done
  before=$(now_ms)
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"authorName":"Early Reader","body":"First to read it, and glad of it."}' \
    "http://127.0.0.1:$PORT/api/v1/articles/$SLUG/comments")
  comment=$(( $(now_ms) - before ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ -n "${mvn_pid:-}" ]; then wait "$mvn_pid" 2>/dev/null || true; fi
  printf 'run %d: first page %5d ms, ready %5d ms (CPU %s s), first comment %s in %d ms\n' "$run" "$first_page" \
    "$ready" "$cpu" "$code" "$comment"
  results+=("$first_page $ready $comment $cpu")
  if grep -q -i -E 'AOT cache.*(disabled|fail|mismatch)|Unable to use shared archive|shared archive file.*(fail|mismatch)' "$work/app.log"; then
    echo "warning: the JVM refused the archive or cache:" >&2
    grep -i -E 'aot|shared archive|cds' "$work/app.log" | head -3 >&2
  fi
  rm -rf "$work"
done
printf '%s\n' "${results[@]}" | python3 -c '
import sys, statistics
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
m = [statistics.median(c) for c in zip(*rows)]
print(f"median of {len(rows)}: first page {m[0]/1000:.1f} s, ready {m[1]/1000:.1f} s (CPU {m[3]:.1f} s), first comment {m[2]:.0f} ms")'
