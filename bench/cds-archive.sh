#!/usr/bin/env bash
# Class data sharing for a faster start (Spring Boot's CDS recipe): extracts the jar into target/gazette/ (the
# application jar and lib/) and records the classes a start loads into target/gazette/gazette.jsa, with a training
# run that stops once the application context is refreshed (on a throw-away data directory). Then:
#   java -XX:SharedArchiveFile=target/gazette/gazette.jsa -jar target/gazette/gazette-0.1.0-SNAPSHOT.jar
# The archive is tied to this JDK and these jars: run this again after every build.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-$(ls target/gazette-*.jar | grep -v original | head -1)}
rm -rf target/gazette
java -Djarmode=tools -jar "$JAR" extract --destination target/gazette >/dev/null
training=$(mktemp -d)
java -XX:ArchiveClassesAtExit=target/gazette/gazette.jsa -Dspring.context.exit=onRefresh \
  -jar "target/gazette/$(basename "$JAR")" --gazette.data-dir="$training/data" --server.port=0 >"$training/log" 2>&1 \
  || { echo "CDS training run failed; log: $training/log" >&2; exit 1; }
rm -rf "$training"
echo "CDS archive: target/gazette/gazette.jsa ($(du -h target/gazette/gazette.jsa | cut -f1))"
