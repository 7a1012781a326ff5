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

declare -A pid url
bench() { # label dburl redisurl
  local label=$1 dir="$work/$1"
  start_parley "$@"
  sed 's|.*|/v1/sessions/&/messages|' "$dir/sessions" >"$dir/paths"
  for r in $(seq 1 "$rounds"); do
    for rate in ${RATES:-1000 2000 4000}; do
      h=$("$lat" -url "${url[$label]}/healthz" -rate "$rate" -c 64 -d "$dur")
      t=$("$lat" -url "${url[$label]}/" -paths "$dir/paths" -bodies "$work/bodies" -rate "$rate" -c 64 -d "$dur")
      printf "%-15s round %d %5d/s: healthz %s | turns %s\n" "$label" "$r" "$rate" \
        "$(awk '{print $3, $5, $8, $9, $2, ($10 ~ /^codes=map\[200:[0-9]+\]$/ ? "ok" : "STATUS:" $10)}' <<<"$h")" "$(awk '{print $3, $5, $8, $9, $2, ($10 ~ /^codes=map\[200:[0-9]+\]$/ ? "ok" : "STATUS:" $10)}' <<<"$t")"
    done
  done
  kill -TERM "${pid[$label]}"; wait "${pid[$label]}" || true
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
