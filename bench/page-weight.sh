#!/usr/bin/env bash
# Page weight of the article page with 200 comments, as Debian's chromium loads it: requests, and HTML, CSS,
# JavaScript and image bytes, raw and gzipped. Builds Gazette, starts it on a free port with a throw-away data
# directory and the demo content, runs bench/PageWeight.java against it, and stops it again.
#
#   bench/page-weight.sh            # PORT=18081 by default; SKIP_BUILD=1 reuses target/gazette-*.jar
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18081}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [[ "${SKIP_BUILD:-}" != 1 || ! -f target/page-weight.classpath ]]; then
  ./mvnw -B -ntp -q -DskipTests package
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/page-weight.classpath
fi
jar="$(ls target/gazette-*.jar | grep -v plain | head -n 1)"

data="$(mktemp -d)"
# The moderation limits per client are lifted: every post comes from 127.0.0.1, and the burst limit would hold
# them (a held parent cannot be answered).
java -jar "$jar" --server.port="$PORT" --gazette.data-dir="$data" --gazette.demo-content=true \
  --gazette.moderation.burst-count=100000000 --gazette.moderation.per-client-checks=false \
  --gazette.base-url="http://127.0.0.1:$PORT" >"$data/gazette.log" 2>&1 &
app=$!
stop() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT

for _ in $(seq 1 90); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  kill -0 "$app" 2>/dev/null || { cat "$data/gazette.log"; echo "Gazette did not start" >&2; exit 1; }
  sleep 1
done

java -cp "$(cat target/page-weight.classpath)" bench/PageWeight.java "http://127.0.0.1:$PORT"
