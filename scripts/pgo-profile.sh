#!/usr/bin/env bash
# Writes a CPU profile for Go's profile-guided optimisation (PGO) of the
# parley binary: `go build -pgo=FILE ./cmd/parley` builds with it.
#
# It is not committed as cmd/parley/default.pgo (which go build would pick up
# by itself): measured in the eleventh session (docs/benchmarks-log.md, "Profile-
# guided optimisation"), it saved ~2.5% CPU per gateway request and nothing
# measurable per turn or per engine turn (callgrind), while every build and
# CI run would compile all dependencies a second time with the profile.
# Self-hosters whose traffic is mostly the gateway can build with it.
#
# The profile comes from the hot paths under load, each for the same time,
# merged with equal weight:
#   turns-embedded   parley serve on embedded defaults, full text turns
#   turns-pg         parley serve on PostgreSQL + Redis (when both answer)
#   gateway          parley gateway (fasthttp front end, JWT + rate limit)
# Turns are the questions of the public evaluation set, not the benchmark's
# eight (scripts/turns.lua), so that the optimiser learns the engine's paths
# in general and the turn benchmark is not the profile it was built from.
#
# Usage: scripts/pgo-profile.sh [SECONDS] [OUT]   (default 20 s per workload,
#        OUT bin/parley.pgo)
# Rebuild it after large changes to the hot paths; a stale profile still
# builds (PGO tolerates drift) but helps less.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
out=${2:-bin/parley.pgo}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
work=$(mktemp -d)
pids=()
db=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "$db" ] && psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 100); do curl -sf -o /dev/null "$@" && return 0; sleep 0.1; done; echo "not up: $*" >&2; exit 1; }

# Without PGO, so that the profile describes the code as written.
go build -pgo=off -o "$work/parley" ./cmd/parley
go build -pgo=off -o "$work/upstream" ./internal/gateway/benchupstream
sample=../shared/fixtures/jsonresume-sample.resume.json
[ -f "$sample" ] || sample=internal/profile/testdata/sample.resume.json

# The public set's questions (one per line, JSON-escaped for the request body).
python3 - internal/converse/eval/testdata/public.yaml >"$work/questions" <<'PY'
import json, sys, yaml
seen = {}
def walk(x):
    if isinstance(x, dict):
        q = x.get("question")
        if isinstance(q, str) and q.strip():
            seen.setdefault(q, None)
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(yaml.safe_load(open(sys.argv[1], encoding="utf-8")))
for q in seen:
    print(json.dumps({"text": q}))
PY
[ "$(wc -l <"$work/questions")" -ge 100 ] || { echo "found only $(wc -l <"$work/questions") questions in public.yaml" >&2; exit 1; }
cat >"$work/turns.lua" <<'LUA'
local ids, bodies = {}, {}
for l in io.lines(os.getenv("SESSIONS")) do ids[#ids + 1] = l end
for l in io.lines(os.getenv("QUESTIONS")) do bodies[#bodies + 1] = l end
local counter = 0
function setup(thread) thread:set("tid", counter); counter = counter + 1 end
function init(args) n = tid * 7919 end
function request()
  n = n + 1
  return wrk.format("POST", "/v1/sessions/" .. ids[(n % #ids) + 1] .. "/messages",
    {["Content-Type"] = "application/json"}, bodies[(n % #bodies) + 1])
end
LUA

# profile_turns NAME DATABASE_URL REDIS_URL
profile_turns() {
  local name=$1 dir="$work/$1" p a
  mkdir -p "$dir"; p=$(port); a=$(port)
  (
    export PARLEY_DATA_DIR="$dir" PARLEY_HTTP_ADDR="127.0.0.1:$p" PARLEY_ADMIN_ADDR="127.0.0.1:$a" \
      PARLEY_LOG_LEVEL=error PARLEY_RATE_LIMIT=off
    if [ -n "$2" ]; then export DATABASE_URL="$2"; else unset DATABASE_URL; fi
    if [ -n "$3" ]; then export REDIS_URL="$3"; else unset REDIS_URL; fi
    "$work/parley" import --slug hendriks "$sample" >/dev/null
    exec "$work/parley" serve >"$dir/serve.log" 2>&1
  ) &
  pids+=($!)
  wait_up "http://127.0.0.1:$p/healthz"
  for _ in $(seq 1 64); do
    curl -sf -X POST -H 'Content-Type: application/json' -d '{"profile":"hendriks"}' "http://127.0.0.1:$p/v1/sessions" |
      python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])'
  done >"$dir/sessions"
  echo "profiling $name for ${secs}s" >&2
  SESSIONS="$dir/sessions" QUESTIONS="$work/questions" \
    wrk -t2 -c64 -d"$((secs + 2))s" -s "$work/turns.lua" "http://127.0.0.1:$p" >"$dir/wrk.out" &
  local w=$!
  sleep 1
  curl -sf -o "$work/$name.pprof" "http://127.0.0.1:$a/debug/pprof/profile?seconds=$secs"
  wait "$w"
  grep -E "Non-2xx|Socket errors" "$dir/wrk.out" >&2 || true
  return 0
}

profile_turns turns-embedded "" ""
profiles=("$work/turns-embedded.pprof")
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  db="parley_pgo_$$"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
  profile_turns turns-pg "postgres://postgres@127.0.0.1:5432/$db?sslmode=disable" "redis://127.0.0.1:6379/0"
  profiles+=("$work/turns-pg.pprof")
else
  echo "PostgreSQL or Redis not answering: the profile leaves out turns on them" >&2
fi

# The gateway, configured as bench-gateway.sh's parley+ (JWT + rate limit).
up=$(port); gp=$(port); ga=$(port)
"$work/upstream" -addr "127.0.0.1:$up" -token-file "$work/token" & pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/token" ] && break; sleep 0.1; done
token=$(cat "$work/token")
cat >"$work/gateway.yaml" <<YAML
listen: 127.0.0.1:$gp
admin_listen: 127.0.0.1:$ga
upstreams:
  api:
    targets: [http://127.0.0.1:$up]
routes:
  - path_prefix: /
    upstream: api
    auth: {jwks_url: "http://127.0.0.1:$up/oauth/jwks", issuer: "http://127.0.0.1:$up", audience: parley}
    rate_limit: {rate: 1000000000, period: 1s}
YAML
"$work/parley" gateway --config "$work/gateway.yaml" --log-level error >"$work/gateway.log" 2>&1 & pids+=($!)
wait_up -H "Authorization: Bearer $token" "http://127.0.0.1:$gp/"
echo "profiling gateway for ${secs}s" >&2
wrk -t2 -c64 -d"$((secs + 2))s" -H "Authorization: Bearer $token" "http://127.0.0.1:$gp/" >"$work/gw-wrk.out" &
w=$!
sleep 1
curl -sf -o "$work/gateway.pprof" "http://127.0.0.1:$ga/debug/pprof/profile?seconds=$secs"
wait "$w"
profiles+=("$work/gateway.pprof")

mkdir -p "$(dirname "$out")"
go tool pprof -proto "${profiles[@]}" >"$out" 2>/dev/null
echo "wrote $out ($(du -k "$out" | cut -f1) KB) from ${#profiles[@]} profiles of ${secs}s; build with: go build -pgo=$out -o bin/parley ./cmd/parley" >&2
