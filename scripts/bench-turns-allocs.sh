#!/usr/bin/env bash
# Full text turns over prebuilt binaries, rounds interleaved, with what the
# shared machine's load moves least: for each binary a fresh server
# (embedded defaults, or PostgreSQL + Redis with MODE=pg), 64 sessions, a
# 1 s warm-up, then wrk -t64 -c64 over scripts/turns.lua; prints turns/s,
# p99, the server's CPU per turn (/proc/PID/stat) and its heap allocations
# and bytes allocated per turn (go_memstats_*_total from /metrics on the
# admin listener), which do not depend on the load at all.
#
#   [MODE=pg] scripts/bench-turns-allocs.sh ROUNDS DURATION LABEL=BINARY...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=$1 dur=$2; shift 2
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
m() { curl -s "http://127.0.0.1:$a/metrics" | awk -v k="$1" '$1==k{printf "%.0f", $2}'; }
run() {
  local label=$1 bin=$2 dir pid; dir=$(mktemp -d -p "$work"); p=$(port); a=$(port)
  export PARLEY_DATA_DIR="$dir" PARLEY_HTTP_ADDR="127.0.0.1:$p" PARLEY_ADMIN_ADDR="127.0.0.1:$a" PARLEY_LOG_LEVEL=error PARLEY_RATE_LIMIT=off
  unset DATABASE_URL REDIS_URL
  if [ "${MODE:-}" = pg ]; then
    db="parley_turnab_$$_$RANDOM"; psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db?sslmode=disable" REDIS_URL="redis://127.0.0.1:6379/0"
  fi
  "$bin" import --slug hendriks internal/profile/testdata/sample.resume.json >/dev/null
  "$bin" serve >"$dir/serve.log" 2>&1 & pid=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
  for _ in $(seq 1 64); do curl -sf -X POST -H 'Content-Type: application/json' -d '{"profile":"hendriks"}' "http://127.0.0.1:$p/v1/sessions" | sed -E 's/.*"id": *"([0-9a-f]+)".*/\1/' >>"$dir/sessions"; done
  SESSIONS="$dir/sessions" THREADS=64 wrk -t64 -c64 -d1s -s scripts/turns.lua "http://127.0.0.1:$p" >/dev/null 2>&1  # warm-up
  local c0 m0 b0 c1 m1 b1 n t
  c0=$(awk '{print $14+$15}' /proc/$pid/stat); m0=$(m go_memstats_mallocs_total); b0=$(m go_memstats_alloc_bytes_total)
  SESSIONS="$dir/sessions" THREADS=64 wrk -t64 -c64 -d"$dur" --latency -s scripts/turns.lua "http://127.0.0.1:$p" >"$dir/wrk.out" 2>"$dir/wrk.err"
  c1=$(awk '{print $14+$15}' /proc/$pid/stat); m1=$(m go_memstats_mallocs_total); b1=$(m go_memstats_alloc_bytes_total)
  kill -TERM $pid; wait $pid || true
  if [ "${MODE:-}" = pg ]; then psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null; fi
  n=$(awk '/requests in/{print $1}' "$dir/wrk.out"); t=$(awk '/Requests\/sec/{print $2}' "$dir/wrk.out")
  printf "%-6s turns %8s/s p99 %9s CPU-us/turn %5.1f allocs/turn %5.1f bytes/turn %6.0f %s\n" "$label" "$t" "$(awk '/^ +99%/{print $2}' "$dir/wrk.out")" \
    "$(python3 -c "print(($c1-$c0)*1e6/$(getconf CLK_TCK)/$n)")" "$(python3 -c "print(($m1-$m0)/$n)")" "$(python3 -c "print(($b1-$b0)/$n)")" \
    "$(grep -qE 'status|Non-2xx|Socket errors' "$dir/wrk.err" "$dir/wrk.out" && echo ERRORS || echo ok)"
  rm -rf "$dir"
}
echo "# $(date -u +%FT%TZ) ${MODE:-embedded}, wrk -t64 -c64 -d$dur, load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do for lb in "$@"; do run "${lb%%=*}" "${lb#*=}"; done; done
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
