#!/usr/bin/env bash
# Token endpoint benchmark against a running `parley serve` (SQLite, rate limits off):
# client-credentials grants with client_secret_basic, side by side in one run with
# /healthz on the same server (the ceiling of any handler), in interleaved wrk rounds.
# Prints req/s, p50/p99 and the server's CPU per request (from /proc, so the figure
# holds on a shared machine where req/s does not).
#
# Usage: scripts/bench-token.sh [ROUNDS] [DURATION] [CONNECTIONS]   (defaults: 3, 5s, 16)
rounds=${1:-3}
dur=${2:-5s}
conns=${3:-16}
source "$(dirname "$0")/bench-lib.sh"

p=$(port)
export PARLEY_DATA_DIR="$work/data" PARLEY_HTTP_ADDR="127.0.0.1:$p" PARLEY_LOG_LEVEL=error PARLEY_RATE_LIMIT=off
unset DATABASE_URL REDIS_URL
client=$("$bin" admin client create --name bench --scope "profiles:read")
auth=$(python3 -c 'import base64,json,sys;c=json.loads(sys.argv[1]);print(base64.b64encode((c["client_id"]+":"+c["client_secret"]).encode()).decode())' "$client")
cat >"$work/token.lua" <<LUA
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $auth"
LUA
"$bin" serve >"$work/serve.log" 2>&1 &
pid=$!
for i in $(seq 1 100); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
curl -sf -u "$(python3 -c 'import base64,sys;print(base64.b64decode(sys.argv[1]).decode())' "$auth")" \
  -d grant_type=client_credentials "http://127.0.0.1:$p/oauth/token" | grep -q access_token || { echo "token endpoint does not answer" >&2; exit 1; }

# cpu_ticks PID -> utime+stime in clock ticks
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

# run URL [LUA] -> "req/s p50_ms p99_ms cpu_us_per_req ok|ERRORS"
run() {
  local url=$1 extra=() c0 c1
  [ -n "${2:-}" ] && extra=(-s "$2")
  c0=$(cpu_ticks "$pid")
  wrk -t2 -c"$conns" -d"$dur" --latency "${extra[@]}" "$url" >"$work/wrk.out" 2>&1
  c1=$(cpu_ticks "$pid")
  awk -v c="$((c1 - c0))" -v hz="$hz" '
    function ms(v) { if (v ~ /us$/) {sub("us","",v); return v/1000} if (v ~ /ms$/) {sub("ms","",v); return v} sub("s","",v); return v*1000 }
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=ms($2)} /^ +99%/ {p99=ms($2)}
    /^ +[0-9]+ requests in/ {n=$1}
    /Non-2xx|Socket errors/ {err=1}
    END {printf "%s %.2f %.2f %.0f %s\n", rps, p50, p99, (n ? c/hz*1e6/n : 0), (err?"ERRORS":"ok")}' "$work/wrk.out"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores (shared), load $(cut -d' ' -f1-3 /proc/loadavg), wrk -t2 -c$conns -d$dur, $rounds rounds, $(git rev-parse --short HEAD)"
for r in $(seq 1 "$rounds"); do
  read -r hr h50 h99 hc he < <(run "http://127.0.0.1:$p/healthz")
  read -r tr t50 t99 tc te < <(run "http://127.0.0.1:$p/oauth/token" "$work/token.lua")
  printf "round %d: healthz %7.0f req/s p50 %5.2f p99 %6.2f ms %4d CPU-µs/req %s | token %6.0f grants/s p50 %5.2f p99 %6.2f ms %4d CPU-µs/grant %s\n" \
    "$r" "$hr" "$h50" "$h99" "$hc" "$he" "$tr" "$t50" "$t99" "$tc" "$te"
done
kill -TERM "$pid"; wait "$pid" || true
