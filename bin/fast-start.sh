#!/usr/bin/env bash
# Starts Gazette from the built jar with the JVM's start-up cache, recording the cache first when it is missing or
# stale: on Java 25 or later an AOT cache (JEP 483/514/515: classes read, parsed, linked, and method profiles), on
# Java 17 to 24 a class data sharing archive (classes read and parsed). Everything else is `java -jar`'s:
#
#   ./mvnw -q -o -DskipTests package && bin/fast-start.sh                  # the `java` on the PATH
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bin/fast-start.sh --server.port=8081
#   JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' bin/fast-start.sh   # a trial's JVM (as spring-boot:run)
#
# Arguments go to Gazette (--server.port=..., --gazette.data-dir=...); SPRING_* and GAZETTE_* environment variables
# work as with `java -jar`, and are read at run time, not when the cache is recorded.
#
# How: the jar is extracted into target/gazette/ (Spring Boot's `-Djarmode=tools extract`: the application jar and
# lib/, since the JVM can cache classes only from plain jars, not from jars nested in jars); a training run starts
# Gazette on a throw-away data directory with the demo content, waits until it is ready, and stops it, which writes
# target/gazette/gazette-jdk<N>.aot (or .jsa). The cache belongs to those jars, that JDK and those JVM options: it is
# recorded again when the jar is rebuilt, the JDK changes, or JAVA_OPTS change. The training run takes as long as
# one ordinary start plus a few seconds to write the cache.
#
# For a server, the same by hand (README "Start time"):
#   java -Djarmode=tools -jar gazette.jar extract --destination app
#   java -XX:AOTCacheOutput=app/gazette.aot -Dspring.context.exit=onRefresh -jar app/gazette.jar   # Java 25
#   java -XX:AOTCache=app/gazette.aot -jar app/gazette.jar
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=${GAZETTE_JAR:-$(ls target/gazette-*.jar 2>/dev/null | grep -v original | head -1 || true)}
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "no target/gazette-*.jar: run ./mvnw -q -o -DskipTests package first" >&2; exit 1; }
CACHE_FILE=$(JAVA="$JAVA" JAVA_OPTS="${JAVA_OPTS:-}" bash bench/cds-archive.sh --if-stale "$JAR" | tail -1)
APP=$(dirname "$CACHE_FILE")/$(basename "$JAR")
case "$CACHE_FILE" in
  *.aot) CACHE_OPT="-XX:AOTCache=$CACHE_FILE" ;;
  *) CACHE_OPT="-XX:SharedArchiveFile=$CACHE_FILE" ;;
esac
# shellcheck disable=SC2086
exec "$JAVA" ${JAVA_OPTS:-} "$CACHE_OPT" -jar "$APP" "$@"
