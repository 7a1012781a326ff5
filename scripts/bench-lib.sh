# Shared by scripts/bench-http.sh and scripts/bench-turns.sh (sourced, not run).
# Expects $dur; sets $bin, $sample, $work; defines port and wrk_run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=./bin/parley
sample=${SAMPLE:-../shared/fixtures/jsonresume-sample.resume.json}
[ -f "$sample" ] || sample=internal/profile/testdata/sample.resume.json
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
[ -x "$bin" ] || make build >/dev/null
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# wrk_run THREADS URL [LUA_SCRIPT] -> "req/s p99_ms ok|ERRORS" (64 connections, $dur)
wrk_run() {
  local threads=$1 url=$2 extra=()
  [ -n "${3:-}" ] && extra=(-s "$3")
  wrk -t"$threads" -c64 -d"$dur" --latency "${extra[@]}" "$url" 2>"$work/wrk.err" | awk -v errf="$work/wrk.err" '
    /Requests\/sec/ {rps=$2}
    /^ +99%/ {p=$2; if (p ~ /us$/) {sub("us","",p); p=p/1000} else if (p ~ /ms$/) {sub("ms","",p)} else if (p ~ /s$/) {sub("s","",p); p=p*1000}}
    /Non-2xx|Socket errors/ {err=1}
    END {while ((getline l < errf) > 0) if (l ~ /status/) err=1; printf "%s %s %s\n", rps, p, (err?"ERRORS":"ok")}'
}
