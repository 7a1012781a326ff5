#!/usr/bin/env bash
# Full text turns, a base revision against the working tree, rounds
# interleaved: for each binary a fresh server (embedded defaults, or
# PostgreSQL + Redis with "pg"), 64 sessions, wrk -t64 -c64 over
# scripts/turns.lua, and the server's CPU time (user+sys from
# /proc/PID/stat) divided by the turns served. CPU per turn moves less with
# the load of a shared machine than req/s or p99, which are printed too.
#
#   scripts/bench-turns-cpu.sh [BASE_REV] [ROUNDS] [DURATION] [embedded|pg]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
base=${1:-HEAD~1}
rounds=${2:-3}
dur=${3:-10s}
mode=${4:-embedded}
sample=internal/profile/testdata/sample.resume.json
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

git archive "$base" | tar -x -C "$work" --one-top-level=base
(cd "$work/base" && go build -o "$work/parley-base" ./cmd/parley)
go build -o "$work/parley-head" ./cmd/parley

port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

run() { # label binary -> one line
  local label=$1 bin=$2 dir p db="" pid c0 c1 n
  dir=$(mktemp -d -p "$work"); p=$(port)
  export PARLEY_DATA_DIR="$dir" PARLEY_HTTP_ADDR="127.0.0.1:$p" PARLEY_LOG_LEVEL=error PARLEY_RATE_LIMIT=off
  unset DATABASE_URL REDIS_URL
  if [ "$mode" = pg ]; then
    db="parley_turncpu_$$_$RANDOM"
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db?sslmode=disable" REDIS_URL="redis://127.0.0.1:6379/0"
  fi
  "$bin" import --slug hendriks "$sample" >/dev/null
  "$bin" serve >"$dir/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
  for _ in $(seq 1 64); do
    curl -sf -X POST -H 'Content-Type: application/json' -d '{"profile":"hendriks"}' "http://127.0.0.1:$p/v1/sessions" \
      | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])' >>"$dir/sessions"
  done
  c0=$(awk '{print $14+$15}' "/proc/$pid/stat")
  SESSIONS="$dir/sessions" THREADS=64 wrk -t64 -c64 -d"$dur" --latency -s scripts/turns.lua "http://127.0.0.1:$p" >"$dir/wrk.out" 2>"$dir/wrk.err"
  c1=$(awk '{print $14+$15}' "/proc/$pid/stat")
  kill -TERM "$pid"; wait "$pid" || true
  [ -n "$db" ] && psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
  n=$(awk '/requests in/{print $1}' "$dir/wrk.out")
  printf "%-5s %8s req/s p99 %9s  CPU-µs/turn %4.0f  %s\n" "$label" \
    "$(awk '/Requests\/sec/{print $2}' "$dir/wrk.out")" "$(awk '/^ +99%/{print $2}' "$dir/wrk.out")" \
    "$(python3 -c "print(($c1-$c0)*1e6/$(getconf CLK_TCK)/$n)")" \
    "$(grep -qE 'status|Non-2xx|Socket errors' "$dir/wrk.err" "$dir/wrk.out" && echo ERRORS || echo ok)"
}

echo "# $(date -u +%FT%TZ) $mode, base $base vs working tree, wrk -t64 -c64 -d$dur, load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  echo "round $r"
  run base "$work/parley-base"
  run head "$work/parley-head"
done
echo "# load $(cut -d' ' -f1-3 /proc/loadavg)"
