#!/usr/bin/env bash
# Full text turns over prebuilt binaries, rounds interleaved (as
# scripts/bench-turns-cpu.sh, which builds a base revision itself): for each
# binary a fresh server (embedded defaults, or PostgreSQL + Redis with "pg"),
# 64 sessions, /healthz then turns with wrk -t64 -c64 over scripts/turns.lua,
# the ratio turns/healthz, and the server's CPU time (user+sys from
# /proc/PID/stat) per turn.
#
#   scripts/bench-turns-bins.sh embedded|pg ROUNDS DURATION LABEL=BINARY...
#
# TURNS_LUA=FILE replaces the wrk client script (default scripts/turns.lua).
# WRK_THREADS=N (default 64): wrk -tN -c64; 2 is what scripts/bench-turns.sh,
#   MEASURING.md and the issue's figures use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode=$1 rounds=$2 dur=$3; shift 3
threads=${WRK_THREADS:-64}
sample=internal/profile/testdata/sample.resume.json
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
run() {
  local label=$1 bin=$2 dir p db="" pid c0 c1 n h
  dir=$(mktemp -d -p "$work"); p=$(port)
  export PARLEY_DATA_DIR="$dir" PARLEY_HTTP_ADDR="127.0.0.1:$p" PARLEY_LOG_LEVEL=error PARLEY_RATE_LIMIT=off
  unset DATABASE_URL REDIS_URL
  if [ "$mode" = pg ]; then
    db="parley_t2cmp_$$_$RANDOM"
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db?sslmode=disable" REDIS_URL="redis://127.0.0.1:6379/0"
  fi
  "$bin" import --slug hendriks "$sample" >/dev/null
  "$bin" serve >"$dir/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
  for _ in $(seq 1 64); do
    curl -sf -X POST -H 'Content-Type: application/json' -d '{"profile":"hendriks"}' "http://127.0.0.1:$p/v1/sessions" \
      | sed -E 's/.*"id": *"([0-9a-f]+)".*/\1/' >>"$dir/sessions"
  done
  h=$(wrk -t"$threads" -c64 -d"$dur" http://127.0.0.1:$p/healthz | awk '/Requests\/sec/{print $2}')
  c0=$(awk '{print $14+$15}' "/proc/$pid/stat")
  SESSIONS="$dir/sessions" THREADS=$threads wrk -t"$threads" -c64 -d"$dur" --latency -s "${TURNS_LUA:-scripts/turns.lua}" "http://127.0.0.1:$p" >"$dir/wrk.out" 2>"$dir/wrk.err"
  c1=$(awk '{print $14+$15}' "/proc/$pid/stat")
  kill -TERM "$pid"; wait "$pid" || true
  [ -n "$db" ] && psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
  n=$(awk '/requests in/{print $1}' "$dir/wrk.out")
  t=$(awk '/Requests\/sec/{print $2}' "$dir/wrk.out")
  printf "%-8s healthz %8s | turns %8s req/s p99 %9s ratio %s CPU-µs/turn %4.0f  %s\n" "$label" "$h" "$t" \
    "$(awk '/^ +99%/{print $2}' "$dir/wrk.out")" "$(python3 -c "print(f'{$t/$h:.3f}')")" \
    "$(python3 -c "print(($c1-$c0)*1e6/$(getconf CLK_TCK)/$n)")" \
    "$(grep -qE 'status|Non-2xx|Socket errors' "$dir/wrk.err" "$dir/wrk.out" && echo ERRORS || echo ok)"
  rm -rf "$dir"
}
echo "# $(date -u +%FT%TZ) $mode, wrk -t$threads -c64 -d$dur, load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  for lb in "$@"; do run "${lb%%=*}" "${lb#*=}"; done
done
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
