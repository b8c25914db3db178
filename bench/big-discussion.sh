#!/usr/bin/env bash
# A big discussion (issue 14, item 3): seeds BIG_COMMENTS (20,000) guest comments in BIG_THREADS (1,000) threads on
# one demo article through the JSON API (bench/big_discussion_seed.py, the per-client limits lifted as
# bench/h2-growth.sh does), then measures with wrk, next to a small demo article: the first comment page, "More
# comments" (cpage=2), a thread page, a comment POST, and the first page read once right after a POST (the discussion
# snapshot is rebuilt then). Prints the bytes of each page, p50/p99, and the load average (the machine is shared).
#   BIG_JAR (default target/gazette-*.jar), BIG_PORT (18303), BIG_COMMENTS, BIG_THREADS, BIG_DURATION (10s),
#   BIG_CONNECTIONS (8), BIG_ARGS (extra Gazette arguments, e.g. a PostgreSQL --spring.datasource.url)
#   BIG_SEED=sql: run on a fresh PostgreSQL database (127.0.0.1:5432, dropped at the end) and seed it with
#   bench/big_discussion_seed.sql (seconds, where the API takes 10-80 minutes for 20,000 posts on a loaded machine)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BIG_PORT:-18303}"
N="${BIG_COMMENTS:-20000}"
T="${BIG_THREADS:-1000}"
DUR="${BIG_DURATION:-10s}"
C="${BIG_CONNECTIONS:-8}"
BIG="the-river-that-two-nations-share"
SMALL="in-praise-of-the-slow-ferry"
JAR="${BIG_JAR:-$(ls target/gazette-*.jar | grep -v -e plain -e sources | head -n 1)}"
WORK="$(mktemp -d /tmp/gazette-big.XXXXXX)"
base="http://127.0.0.1:$PORT"

PG_DB=""
if [ "${BIG_SEED:-api}" = sql ]; then
  PG_DB="gazette_big_${PORT}_$$"
  psql -h 127.0.0.1 -U postgres -qc "create database $PG_DB" >/dev/null
  BIG_ARGS="${BIG_ARGS:-} --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$PG_DB --spring.datasource.username=postgres"
fi
java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --gazette.data-dir="$WORK/data" \
  --gazette.demo-content=true --gazette.moderation.burst-count=100000000 --gazette.moderation.per-client-checks=false \
  ${BIG_ARGS:-} >"$WORK/app.log" 2>&1 &
app=$!
cleanup() {
  kill $app 2>/dev/null || true; wait $app 2>/dev/null || true
  [ -z "$PG_DB" ] || psql -h 127.0.0.1 -U postgres -qc "drop database if exists $PG_DB" >/dev/null || true
  echo "log in $WORK" >&2
}
trap cleanup EXIT
for _ in $(seq 1 180); do
  curl -sf --max-time 2 "$base/actuator/health/readiness" 2>/dev/null | grep -q UP && break
  kill -0 "$app" 2>/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
  sleep 1
done

echo "load average before seeding: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
if [ -n "$PG_DB" ]; then
  psql -h 127.0.0.1 -U postgres -d "$PG_DB" -qAt -v slug="$BIG" -v total="$N" -v threads="$T" \
    -f bench/big_discussion_seed.sql >"$WORK/seed.json"
else
  python3 bench/big_discussion_seed.py "$PORT" "$BIG" "$N" "$T" >"$WORK/seed.json"
fi
echo "seeded $N comments in $T threads on $BIG in $(( $(date +%s) - start )) s: $(cat "$WORK/seed.json")"
root=$(python3 -c "import json,sys; print(json.load(open('$WORK/seed.json'))['roots'][0])")
small_root=$(curl -s "$base/api/v1/articles/$SMALL/comments" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")

measure() { # name url
  local name="$1" url="$2" bytes out
  bytes=$(curl -s "$url" | wc -c)
  wrk -t2 -c"$C" -d3s "$url" >/dev/null 2>&1 || true
  out=$(wrk -t2 -c"$C" -d"$DUR" --latency "$url")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$bytes" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

after_post() { # slug: median time of the first page read right after a comment was posted
  python3 - "$base" "$1" <<'PY'
import http.client, json, sys, time, statistics
base, slug = sys.argv[1], sys.argv[2]
host, port = base.split("//")[1].split(":")
c = http.client.HTTPConnection(host, int(port), timeout=60)
post_ms, read_ms = [], []
for i in range(15):
    t = time.perf_counter()
    c.request("POST", "/api/v1/articles/%s/comments" % slug, json.dumps({"authorName": "After %d" % i, "body": "One more view (%d)." % i, "parentId": None}), {"Content-Type": "application/json"})
    r = c.getresponse(); r.read(); assert r.status == 201, r.status
    post_ms.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    c.request("GET", "/articles/%s" % slug); r = c.getresponse(); r.read()
    read_ms.append((time.perf_counter() - t) * 1000)
print("%.1f ms | %.1f ms" % (statistics.median(post_ms), statistics.median(read_ms)))
PY
}

echo
echo "| page | bytes | requests/s | p50 | p99 | load average |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
measure "big: first page" "$base/articles/$BIG"
measure "big: More comments (cpage=2)" "$base/articles/$BIG?sort=oldest&cpage=2"
measure "big: thread page" "$base/articles/$BIG/threads/$root"
measure "small: first page" "$base/articles/$SMALL"
measure "small: thread page" "$base/articles/$SMALL/threads/$small_root"
echo
echo "| article | POST p50 (one at a time) | first page read right after it, p50 |"
echo "| --- | ---: | ---: |"
echo "| big ($N comments) | $(after_post "$BIG") |"
echo "| small | $(after_post "$SMALL") |"
echo
for slug in "$BIG" "$SMALL"; do
  out=$(wrk -t2 -c"$C" -d"$DUR" --latency -s bench/post-comment.lua "$base/api/v1/articles/$slug/comments")
  printf 'POST under load to %s: %s req/s, p50 %s, p99 %s (load %s)\n' "$slug" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
