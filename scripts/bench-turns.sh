#!/usr/bin/env bash
# Full text turns vs /healthz on the same server, side by side in one run (see
# ../shared/MEASURING.md), for:
#   embedded        parley serve on embedded defaults (SQLite, in-process state)
#   insert-single   the issue's reference handler: one autocommit SQLite row per request
#   insert-group    the same with group commit
#   postgres+redis  parley serve on PostgreSQL + Redis, when both answer
# The issue measured 0.29 (insert-single) and 0.51 (insert-group) of /healthz
# on its machine: the peers show whether this run's harness reproduces them,
# so the turns ratio can be read against them. 64 connections; each turn is a
# POST to one of 64 sessions (session lock, engine, two persisted messages);
# the peers insert one row and answer a small object. Servers start once and
# rounds go server by server, interleaved. Prints req/s, p99, server CPU-µs
# per request (/proc/PID/stat) and the ratio turns/healthz per round, then the
# median ratio of each server.
#
# Usage: scripts/bench-turns.sh [ROUNDS] [DURATION]     (defaults: 3 rounds of 5s)
# WRK_THREADS=N (default 2, as MEASURING.md and the issue's figures): wrk -tN -c64;
#   64 gives each connection its own client thread and session (older runs).
# PEERS=0 leaves out the two reference handlers.
# PIN=1: servers on CPU 0, wrk on CPU 1 (see scripts/bench-lib.sh).
rounds=${1:-3}
dur=${2:-5s}
threads=${WRK_THREADS:-2}
source "$(dirname "$0")/bench-lib.sh"

peer="$work/insertpeer"
[ "${PEERS:-1}" = 0 ] || go build -o "$peer" ./internal/store/sqlite/insertpeer

declare -A url pid sess
start_peer() { # label mode
  local label=$1 dir="$work/$1" p
  mkdir -p "$dir"; p=$(port)
  "${srv_pin[@]}" "$peer" -addr "127.0.0.1:$p" -db "$dir/peer.db" -mode "$2" >"$dir/serve.log" 2>&1 &
  pid[$label]=$!; url[$label]="http://127.0.0.1:$p"; sess[$label]="$dir/sessions"
  wait_up "$label"
  seq -f 'peer-session-%02g' 1 64 >"$dir/sessions"
}
wait_up() {
  for _ in $(seq 1 100); do curl -sf "${url[$1]}/healthz" >/dev/null && return; sleep 0.1; done
  echo "$1 did not start: $(tail -3 "$work/$1/serve.log")" >&2; exit 1
}
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }

labels=(embedded)
start_parley embedded "" ""; sess[embedded]="$work/embedded/sessions"
if [ "${PEERS:-1}" != 0 ]; then
  start_peer insert-single single; start_peer insert-group group
  labels+=(insert-single insert-group)
fi
db=""
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  db="parley_bench_$$"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
  start_parley postgres+redis "postgres://postgres@127.0.0.1:5432/$db?sslmode=disable" "redis://127.0.0.1:6379/0"
  sess[postgres+redis]="$work/postgres+redis/sessions"
  labels+=(postgres+redis)
fi

echo "# $(date -u +%FT%TZ) $(nproc) cores${srv_pin[*]:+, servers on CPU 0 and wrk on CPU 1}, load $(cut -d' ' -f1-3 /proc/loadavg), wrk -t$threads -c64 -d$dur, $rounds interleaved rounds"
declare -A ratios
for r in $(seq 1 "$rounds"); do
  for l in "${labels[@]}"; do
    read -r hr hp he < <(wrk_run "$threads" "${url[$l]}/healthz")
    c0=$(cpu "${pid[$l]}")
    read -r tr tp te < <(SESSIONS="${sess[$l]}" THREADS=$threads wrk_run "$threads" "${url[$l]}" scripts/turns.lua)
    c1=$(cpu "${pid[$l]}")
    ratio=$(python3 -c "print(f'{$tr/$hr:.3f}')")
    ratios[$l]+="$ratio "
    printf "%-15s round %d: healthz %7.0f req/s p99 %6.2f ms %s | turns %7.0f req/s p99 %6.2f ms %4.0f CPU-µs %s | ratio %s\n" \
      "$l" "$r" "$hr" "$hp" "$he" "$tr" "$tp" \
      "$(python3 -c "print(($c1-$c0)*1e6/$(getconf CLK_TCK)/($tr*${dur%s}))")" "$te" "$ratio"
  done
done
echo "# load $(cut -d' ' -f1-3 /proc/loadavg); median ratio (min-max):"
for l in "${labels[@]}"; do
  python3 -c "import statistics as s; v=[float(x) for x in '${ratios[$l]}'.split()]; print(f'{\"$l\":<15} {s.median(v):.3f} ({min(v):.3f}-{max(v):.3f})')"
done
for l in "${labels[@]}"; do kill -TERM "${pid[$l]}"; wait "${pid[$l]}" || true; done
[ -z "$db" ] || psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
[ -n "$db" ] || echo "postgres+redis: not running on 127.0.0.1, skipped"
