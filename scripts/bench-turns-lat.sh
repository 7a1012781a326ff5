#!/usr/bin/env bash
# Turn latency at fixed rates below the knee (MEASURING.md: never measure
# latency at maximum load; bench-turns.sh gives p99 at maximum load). 64
# keep-alive connections, each a visitor posting the questions of
# scripts/turns.lua in its own session, open-loop (internal/gateway/benchlatency:
# latency from when each request was due), on embedded defaults and, when
# they answer, PostgreSQL + Redis; /healthz at the same rate on the same
# server beside it. Rates interleaved per round.
#
# Usage: scripts/bench-turns-lat.sh [ROUNDS] [DURATION]   (defaults: 2 rounds of 8s)
# RATES="1000 2000 4000" (turns per second, all connections together).
rounds=${1:-2}
dur=${2:-8s}
source "$(dirname "$0")/bench-lib.sh"
lat="$work/benchlatency"
go build -o "$lat" ./internal/gateway/benchlatency

questions=("Where did he study?" "What is his current role?" "Does he know Java?" "What awards has he won?"
  "When was that?" "Tell me more" "What languages does he speak?" "Which projects has he worked on?")
printf '{"text": "%s"}\n' "${questions[@]}" >"$work/bodies"

bench() { # label dburl redisurl
  local label=$1 dir="$work/$1" p pid
  mkdir -p "$dir"; p=$(port)
  (
    export PARLEY_DATA_DIR="$dir" PARLEY_HTTP_ADDR="127.0.0.1:$p" PARLEY_LOG_LEVEL=error PARLEY_RATE_LIMIT=off
    if [ -n "$2" ]; then export DATABASE_URL="$2"; else unset DATABASE_URL; fi
    if [ -n "$3" ]; then export REDIS_URL="$3"; else unset REDIS_URL; fi
    "$bin" import --slug hendriks "$sample" >/dev/null
    exec "$bin" serve >"$dir/serve.log" 2>&1
  ) &
  pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
  : >"$dir/paths"
  for _ in $(seq 1 64); do
    curl -sf -X POST -H 'Content-Type: application/json' -d '{"profile":"hendriks"}' "http://127.0.0.1:$p/v1/sessions" \
      | python3 -c 'import json,sys;print("/v1/sessions/"+json.load(sys.stdin)["id"]+"/messages")' >>"$dir/paths"
  done
  for r in $(seq 1 "$rounds"); do
    for rate in ${RATES:-1000 2000 4000}; do
      h=$("$lat" -url "http://127.0.0.1:$p/healthz" -rate "$rate" -c 64 -d "$dur")
      t=$("$lat" -url "http://127.0.0.1:$p/" -paths "$dir/paths" -bodies "$work/bodies" -rate "$rate" -c 64 -d "$dur")
      printf "%-15s round %d %5d/s: healthz %s | turns %s\n" "$label" "$r" "$rate" \
        "$(awk '{print $3, $5, $8, $9, $2, ($10 ~ /^codes=map\[200:[0-9]+\]$/ ? "ok" : "STATUS:" $10)}' <<<"$h")" "$(awk '{print $3, $5, $8, $9, $2, ($10 ~ /^codes=map\[200:[0-9]+\]$/ ? "ok" : "STATUS:" $10)}' <<<"$t")"
    done
  done
  kill -TERM "$pid"; wait "$pid" || true
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), 64 connections, open-loop, $rounds rounds of $dur per rate; latency in µs from when each request was due"
bench embedded "" ""
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  db="parley_benchlat_$$"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
  bench postgres+redis "postgres://postgres@127.0.0.1:5432/$db?sslmode=disable" "redis://127.0.0.1:6379/0"
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
else
  echo "postgres+redis: not running on 127.0.0.1, skipped"
fi
echo "# load $(cut -d' ' -f1-3 /proc/loadavg)"
