# Shared by the fault probes in bench/ (source it; it defines functions and nothing runs):
#   bench_free_port            a free TCP port chosen by the kernel (several people run benchmarks on this machine)
#   bench_jar                  sets JAR: $GAZETTE_JAR, or a jar built with ./mvnw -q -o -B -DskipTests package
#   bench_start LOG ARGS...    starts the jar with ARGS (JVM options in $BENCH_JAVA_OPTS), output in LOG; sets APP_PID
#   bench_wait_up BASE [S]     waits up to S seconds (180) for BASE/actuator/health to say UP; exits 1 if the app died
#   bench_wait_page BASE PATH  waits up to 60 s for PATH to answer 200 (the demo content is loaded)
#   bench_stop [SIGNAL]        sends SIGNAL (TERM) to the app and waits for it; clears APP_PID
# The caller sets REPO_ROOT and LOG_NAME (the prefix of log lines) before sourcing.

APP_PID=""

log() { printf '[%s %s] %s\n' "${LOG_NAME:-bench}" "$(date +%H:%M:%S)" "$*" >&2; }

bench_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

bench_jar() {
  JAR="${GAZETTE_JAR:-}"
  if [[ -z "$JAR" ]]; then
    (cd "$REPO_ROOT" && ./mvnw -q -o -B -DskipTests -Djacoco.skip=true package)
    JAR="$(ls "$REPO_ROOT"/target/gazette-*.jar | grep -v -e '-sources' -e '-plain' | head -n 1)"
  fi
}

bench_start() {
  local out="$1"
  shift
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
  java ${BENCH_JAVA_OPTS:-} -jar "$JAR" "$@" >>"$out" 2>&1 &
  APP_PID=$!
}

bench_wait_up() {
  local base="$1" limit="${2:-180}" out="${3:-}"
  for _ in $(seq 1 "$limit"); do
    kill -0 "$APP_PID" 2>/dev/null || { [[ -n "$out" ]] && tail -n 30 "$out" >&2; log "Gazette exited"; exit 1; }
    curl -sf --max-time 2 "$base/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    sleep 1
  done
  log "health not UP after $limit s"
  return 1
}

bench_wait_page() {
  local base="$1" path="$2"
  for _ in $(seq 1 60); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base$path")" == 200 ]] && return 0
    sleep 1
  done
  return 1
}

bench_stop() {
  local signal="${1:-TERM}"
  if [[ -n "$APP_PID" ]]; then
    kill "-$signal" "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
