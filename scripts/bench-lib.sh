# Shared by the scripts/bench-*.sh scripts (sourced, not run).
# Expects $dur; sets $bin, $sample, $work; defines port, wrk_run and start_parley.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=./bin/parley
sample=${SAMPLE:-../shared/fixtures/jsonresume-sample.resume.json}
[ -f "$sample" ] || sample=internal/profile/testdata/sample.resume.json
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
[ -x "$bin" ] || make build >/dev/null
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# PIN=1 puts every server on CPU 0 and the load generator on CPU 1, so that
# wrk's own CPU and scheduling delays stay out of the server's latency
# (MEASURING.md: "put the load generator on the other core where you can").
# Go sizes GOMAXPROCS from the affinity mask, so a pinned server runs one P.
srv_pin=() gen_pin=()
if [ "${PIN:-0}" = 1 ]; then srv_pin=(taskset -c 0); gen_pin=(taskset -c 1); fi

port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# wrk_run THREADS URL [LUA_SCRIPT] -> "req/s p99_ms ok|ERRORS" (64 connections, $dur)
wrk_run() {
  local threads=$1 url=$2 extra=()
  [ -n "${3:-}" ] && extra=(-s "$3")
  "${gen_pin[@]}" wrk -t"$threads" -c64 -d"$dur" --latency "${extra[@]}" "$url" 2>"$work/wrk.err" | awk -v errf="$work/wrk.err" '
    /Requests\/sec/ {rps=$2}
    /^ +99%/ {p=$2; if (p ~ /us$/) {sub("us","",p); p=p/1000} else if (p ~ /ms$/) {sub("ms","",p)} else if (p ~ /s$/) {sub("s","",p); p=p*1000}}
    /Non-2xx|Socket errors/ {err=1}
    END {while ((getline l < errf) > 0) if (l ~ /status/) err=1; printf "%s %s %s\n", rps, p, (err?"ERRORS":"ok")}'
}

# start_parley LABEL DBURL REDISURL: parley serve on its own data directory
# and port with the sample imported as "hendriks" (DBURL/REDISURL empty:
# embedded), then 64 sessions; sets pid[LABEL] and url[LABEL] (declare both
# with declare -A first) and writes the session ids to $work/LABEL/sessions.
start_parley() {
  local label=$1 dir="$work/$1" p
  mkdir -p "$dir"; p=$(port)
  (
    export PARLEY_DATA_DIR="$dir" PARLEY_HTTP_ADDR="127.0.0.1:$p" PARLEY_LOG_LEVEL=error PARLEY_RATE_LIMIT=off
    if [ -n "$2" ]; then export DATABASE_URL="$2"; else unset DATABASE_URL; fi
    if [ -n "$3" ]; then export REDIS_URL="$3"; else unset REDIS_URL; fi
    "$bin" import --slug hendriks "$sample" >/dev/null
    exec "${srv_pin[@]}" "$bin" serve >"$dir/serve.log" 2>&1
  ) &
  pid[$label]=$!; url[$label]="http://127.0.0.1:$p"
  for _ in $(seq 1 100); do curl -sf "${url[$label]}/healthz" >/dev/null && break; sleep 0.1; done
  curl -sf "${url[$label]}/healthz" >/dev/null || { echo "$label did not start: $(tail -3 "$dir/serve.log")" >&2; exit 1; }
  : >"$dir/sessions"
  for _ in $(seq 1 64); do
    curl -sf -X POST -H 'Content-Type: application/json' -d '{"profile":"hendriks"}' "${url[$label]}/v1/sessions" \
      | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])' >>"$dir/sessions"
  done
}
