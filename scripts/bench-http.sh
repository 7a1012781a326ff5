#!/usr/bin/env bash
# HTTP benchmarks, measured side by side in one run (see ../shared/MEASURING.md):
# for each engine (SQLite, and PostgreSQL when one answers on 127.0.0.1:5432) it
# imports the JSON Resume sample, then interleaves wrk rounds against /healthz (the
# ceiling of any handler in this server) and GET /v1/profiles/{slug}, and prints
# req/s, p99 and the ratio profile/healthz. Also times `parley import` runs.
#
# Usage: scripts/bench-http.sh [ROUNDS] [DURATION]     (defaults: 3 rounds of 5s)
rounds=${1:-3}
dur=${2:-5s}
source "$(dirname "$0")/bench-lib.sh"

bench_engine() {
  local label=$1 dburl=$2
  local dir="$work/$label" p
  mkdir -p "$dir"; p=$(port)
  export PARLEY_DATA_DIR="$dir" PARLEY_HTTP_ADDR="127.0.0.1:$p" PARLEY_LOG_LEVEL=error PARLEY_RATE_LIMIT=off
  if [ -n "$dburl" ]; then export DATABASE_URL="$dburl"; else unset DATABASE_URL; fi
  # Import timing: 5 runs of the whole CLI (process start, migrate check, validate, write).
  local t0 t1
  t0=$(date +%s%N)
  for i in 1 2 3 4 5; do "$bin" import --slug "bench$i" "$sample" >/dev/null; done
  t1=$(date +%s%N)
  echo "$label: parley import (whole process): $(( (t1 - t0) / 5000000 )) ms per import (mean of 5)"
  "$bin" import --slug hendriks "$sample" >/dev/null
  "$bin" serve >"$dir/serve.log" 2>&1 &
  local pid=$!
  for i in $(seq 1 100); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
  for r in $(seq 1 "$rounds"); do
    read -r hr hp he < <(wrk_run 2 "http://127.0.0.1:$p/healthz")
    read -r pr pp pe < <(wrk_run 2 "http://127.0.0.1:$p/v1/profiles/hendriks")
    ratio=$(python3 -c "print(f'{$pr/$hr:.2f}')")
    printf "%s round %d: healthz %8.0f req/s p99 %6.2f ms %s | profile %8.0f req/s p99 %6.2f ms %s | ratio %s\n" \
      "$label" "$r" "$hr" "$hp" "$he" "$pr" "$pp" "$pe" "$ratio"
  done
  kill -TERM "$pid"; wait "$pid" || true
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, wrk -t2 -c64 -d$dur, $rounds rounds"
bench_engine sqlite ""
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  db="parley_bench_$$"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
  bench_engine postgres "postgres://postgres@127.0.0.1:5432/$db?sslmode=disable"
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
else
  echo "postgres: not running on 127.0.0.1:5432, skipped"
fi
