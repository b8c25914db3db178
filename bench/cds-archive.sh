#!/usr/bin/env bash
# The JVM's start-up cache for Gazette, recorded from a training run (Spring Boot's recipe, "Class Data Sharing" and
# "AOT cache" in its reference): extracts the jar into target/gazette/ (the application jar and lib/: the JVM caches
# classes only from plain jars, not from jars nested in a jar), starts Gazette there on a throw-away data directory
# with the demo content, waits until it is ready (so the cache also holds what the demo content and the moderation
# model load), and stops it, which writes the cache:
#   - Java 25 and later: an AOT cache, target/gazette/gazette-jdk25.aot (-XX:AOTCacheOutput; JEP 483/514/515:
#     classes read, parsed and linked, and method profiles). Use it with -XX:AOTCache=...
#   - Java 17 to 24: a class data sharing archive, target/gazette/gazette-jdk17.jsa (-XX:ArchiveClassesAtExit: classes
#     read and parsed). Use it with -XX:SharedArchiveFile=...
# Then, for example:
#   java -XX:SharedArchiveFile=target/gazette/gazette-jdk17.jsa -jar target/gazette/gazette-0.1.0-SNAPSHOT.jar
# Prints the cache's path on its last line. bin/fast-start.sh records and uses it in one command.
#
#   bash bench/cds-archive.sh [--if-stale] [jar]
#     --if-stale     keep a cache recorded from this jar, this JDK and these options (the default records anew)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java   the JVM (default: java on the PATH)
#   JAVA_OPTS='-XX:TieredStopAtLevel=1'               options the application will run with (the training run uses
#                                                     them too: the JVM refuses a cache made with a different GC)
#   CACHE_KIND=cds                                    a class data sharing archive even on Java 25 (default: auto)
#   TRAIN_PORT=18331                                  the training run's port (default: any free one)
# The cache belongs to those jars (their paths and modification times), that JDK and those options: a stale one is
# refused with a warning at start, and the start is simply slower.
set -euo pipefail
cd "$(dirname "$0")/.."
IF_STALE=0
if [ "${1:-}" = --if-stale ]; then IF_STALE=1; shift; fi
JAR=${1:-$(ls target/gazette-*.jar | grep -v original | head -1)}
JAVA=${JAVA:-java}
# Next to the jar: target/gazette/ for target/gazette-*.jar (a copy elsewhere gets its own, for comparisons).
DEST=$(cd "$(dirname "$JAR")" && pwd)/gazette
JAVA_OPTS=${JAVA_OPTS:-}
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version = /{print $2}')
feature=${version%%.*}
kind=${CACHE_KIND:-auto}
if [ "$kind" = auto ]; then if [ "$feature" -ge 25 ]; then kind=aot; else kind=cds; fi; fi
# Options in the name too, so that caches for several option sets can be kept side by side (bench/start-compare.sh).
suffix=""
if [ -n "$JAVA_OPTS" ]; then suffix=-$(echo "$JAVA_OPTS" | md5sum | cut -c1-6); fi
if [ "$kind" = aot ]; then cache=$DEST/gazette-jdk$feature$suffix.aot; else cache=$DEST/gazette-jdk$feature$suffix.jsa; fi

# Extract once per build of the jar: extracting again changes the jars' modification times, which stales every cache.
jar_stamp="$(stat -c '%s %Y' "$JAR") $JAR"
if [ "$(cat "$DEST/.extracted-from" 2>/dev/null || true)" != "$jar_stamp" ]; then
  rm -rf "$DEST"
  java -Djarmode=tools -jar "$JAR" extract --destination "$DEST" >/dev/null
  echo "$jar_stamp" >"$DEST/.extracted-from"
fi
stamp="$jar_stamp | $("$JAVA" -version 2>&1 | tail -1) | $JAVA_OPTS | $kind"
if [ "$IF_STALE" = 1 ] && [ -f "$cache" ] && [ "$(cat "$cache.stamp" 2>/dev/null || true)" = "$stamp" ]; then
  echo "$cache"
  exit 0
fi

rm -f "$cache" "$cache.stamp"
if [ "$kind" = aot ]; then record="-XX:AOTCacheOutput=$cache"; else record="-XX:ArchiveClassesAtExit=$cache"; fi
training=$(mktemp -d)
echo "recording $cache (a training run of Gazette, about one start's time) ..." >&2
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS "$record" -jar "$DEST/$(basename "$JAR")" --gazette.data-dir="$training/data" \
  --gazette.demo-content=true --server.port="${TRAIN_PORT:-0}" --server.address=127.0.0.1 >"$training/log" 2>&1 &
pid=$!
port=${TRAIN_PORT:-0}
for _ in $(seq 1 6000); do
  kill -0 "$pid" 2>/dev/null || { echo "the training run stopped; log: $training/log" >&2; exit 1; }
  if [ "$port" = 0 ]; then
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$training/log" | head -1); port=${port:-0}
  fi
  if [ "$port" != 0 ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ]; then
    # The first page too, so that rendering it is in the cache as well.
    curl -s -o /dev/null "http://127.0.0.1:$port/"
    break
  fi
  sleep 0.1
done
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
[ -s "$cache" ] || { echo "no cache was written; log: $training/log" >&2; exit 1; }
echo "$stamp" >"$cache.stamp"
rm -rf "$training"
echo "recorded $cache ($(du -h "$cache" | cut -f1))" >&2
echo "$cache"
