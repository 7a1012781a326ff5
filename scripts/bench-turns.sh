#!/usr/bin/env bash
# Full text turns vs /healthz on the same server, side by side in one run (see
# ../shared/MEASURING.md): embedded defaults (SQLite, in-process state) and, when
# they answer, PostgreSQL + Redis. 64 connections, each turn a POST to one of 64
# sessions (session lock, engine, two persisted messages). Prints req/s, p99 and
# the ratio turns/healthz per round.
#
# Usage: scripts/bench-turns.sh [ROUNDS] [DURATION]     (defaults: 3 rounds of 5s)
rounds=${1:-3}
dur=${2:-5s}
source "$(dirname "$0")/bench-lib.sh"

bench() {
  local label=$1 dburl=$2 redisurl=$3 p dir="$work/$1"
  mkdir -p "$dir"; p=$(port)
  export PARLEY_DATA_DIR="$dir" PARLEY_HTTP_ADDR="127.0.0.1:$p" PARLEY_LOG_LEVEL=error PARLEY_RATE_LIMIT=off
  if [ -n "$dburl" ]; then export DATABASE_URL="$dburl"; else unset DATABASE_URL; fi
  if [ -n "$redisurl" ]; then export REDIS_URL="$redisurl"; else unset REDIS_URL; fi
  "$bin" import --slug hendriks "$sample" >/dev/null
  "$bin" serve >"$dir/serve.log" 2>&1 &
  local pid=$!
  for i in $(seq 1 100); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
  : >"$dir/sessions"
  for i in $(seq 1 64); do
    curl -sf -X POST -H 'Content-Type: application/json' -d '{"profile":"hendriks"}' "http://127.0.0.1:$p/v1/sessions" \
      | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])' >>"$dir/sessions"
  done
  for r in $(seq 1 "$rounds"); do
    read -r hr hp he < <(wrk_run 64 "http://127.0.0.1:$p/healthz")
    read -r tr tp te < <(SESSIONS="$dir/sessions" wrk_run 64 "http://127.0.0.1:$p" scripts/turns.lua)
    printf "%-16s round %d: healthz %8.0f req/s p99 %6.2f ms %s | turns %7.0f req/s p99 %6.2f ms %s | ratio %s\n" \
      "$label" "$r" "$hr" "$hp" "$he" "$tr" "$tp" "$te" "$(python3 -c "print(f'{$tr/$hr:.2f}')")"
  done
  kill -TERM "$pid"; wait "$pid" || true
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, wrk -t64 -c64 -d$dur (one session per connection), $rounds rounds"
bench embedded "" ""
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  db="parley_bench_$$"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
  bench postgres+redis "postgres://postgres@127.0.0.1:5432/$db?sslmode=disable" "redis://127.0.0.1:6379/0"
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
else
  echo "postgres+redis: not running on 127.0.0.1, skipped"
fi
