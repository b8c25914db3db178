#!/usr/bin/env bash
# Start time of several ways to start Gazette, interleaved (one run of each variant per round, BENCH_ROUNDS rounds,
# 3 by default) so that the shared machine's changing load falls on all of them alike; prints each run and then a
# Markdown table of medians (first page, ready, CPU by ready), with the load average before and after.
# Each variant is "label|VAR=value VAR=value" for bench/start-time.sh; the default set compares Java 17 and 25,
# plain, with class data sharing, and with Java 25's AOT cache, in the JVM options of README's trial command:
#
#   bash bench/start-compare.sh
#   BENCH_ROUNDS=5 bash bench/start-compare.sh 'plain|' 'cds|BENCH_CDS=1'
set -euo pipefail
cd "$(dirname "$0")/.."
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
TRIAL='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:CICompilerCount=1'
if [ $# -gt 0 ]; then variants=("$@"); else
  variants=(
    "17 java -jar|"
    "17 trial options + CDS|BENCH_CDS=1 BENCH_JAVA_OPTS='$TRIAL'"
    "25 java -jar|BENCH_JAVA=$JDK25"
    "25 AOT cache|BENCH_AOT=1 BENCH_JAVA=$JDK25"
    "25 trial options + AOT cache|BENCH_AOT=1 BENCH_JAVA=$JDK25 BENCH_JAVA_OPTS='$TRIAL'"
  )
fi
ROUNDS=${BENCH_ROUNDS:-3}
out=$(mktemp)
echo "load before: $(uptime)"
# Record the archives and caches first, outside the timed runs.
for v in "${variants[@]}"; do
  env_part=${v#*|}
  if [[ "$env_part" == *BENCH_CDS=1* || "$env_part" == *BENCH_AOT=1* ]]; then
    eval "env $env_part BENCH_RUNS=0 bash bench/start-time.sh" >/dev/null 2>&1 || true
  fi
done
for round in $(seq 1 "$ROUNDS"); do
  for v in "${variants[@]}"; do
    label=${v%%|*}; env_part=${v#*|}
    line=$(eval "env $env_part BENCH_RUNS=1 bash bench/start-time.sh" 2>&1 | grep '^run 1:' || echo "failed")
    echo "round $round, $label: $line (load $(cut -d' ' -f1 /proc/loadavg))"
    echo "$label|$line" >>"$out"
  done
done
echo "load after: $(uptime)"
python3 - "$out" <<'PY'
import re, statistics, sys
rows = {}
for l in open(sys.argv[1]):
    label, line = l.rstrip("\n").split("|", 1)
    m = re.search(r"first page\s+(\d+) ms, ready\s+(\d+) ms \(CPU ([\d.]+) s\)", line)
    rows.setdefault(label, [])
    if m: rows[label].append(tuple(float(x) for x in m.groups()))
print("\n| variant | first page | ready | CPU by ready | runs |\n|---|---:|---:|---:|---:|")
for label, rs in rows.items():
    if not rs: print(f"| {label} | failed | | | 0 |"); continue
    f, r, c = (statistics.median(x) for x in zip(*rs))
    print(f"| {label} | {f/1000:.1f} s | {r/1000:.1f} s | {c:.1f} s | {len(rs)} (CPU {', '.join(f'{x[2]:.1f}' for x in rs)}) |")
PY
rm -f "$out"
