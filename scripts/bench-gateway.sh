#!/usr/bin/env bash
# Gateway benchmark, side by side in one run (see ../shared/MEASURING.md).
# One upstream (internal/gateway/benchupstream: ~1 KB JSON, pinned to CPU 1)
# behind each proxy in turn, every proxy pinned to CPU 0 (the same budget:
# nginx worker_processes 1, Go programs see one CPU; parley gateway runs two
# Ps on it unless GOMAXPROCS is set, see docs/gateway.md), wrk on CPU 1:
#   direct   the upstream itself (no proxy)
#   nginx    Debian nginx, upstream keepalive 256, HTTP/1.1 to the upstream
#   caddy    Debian caddy, reverse_proxy with keep-alive
#   httputil a plain httputil.ReverseProxy with a tuned transport
#   fasthttp a bare fasthttp proxy (internal/gateway/benchfast: fasthttp.Server +
#            HostClient, no features): the floor of a Go proxy
#   nbio     a bare proxy on nbio's event loop (internal/gateway/benchloop: one
#            goroutine in epoll_wait serves every connection, as nginx's worker
#            does; no features); nbio2 (NBIO2=1) is the same with GOMAXPROCS=2
#   gnet     the same proxy on gnet's event loop (benchloop -engine gnet); gnetopt
#            (GNETOPT=1) is built with gnet's poll_opt tag
#   parley   parley gateway with the contract's minimal config
#   parley+  parley gateway with JWT validation (ES256, JWKS) and a rate limit
#   parley-loop  parley+'s config with engine: loop (the experimental event-loop engine)
# Rounds are interleaved (A B C ... A B C ...). For each: max req/s (wrk -t2
# -c64), CPU-µs per request of the proxy from /proc/PID/stat (utime+stime),
# then p50/p99 at a fixed 1,000 req/s with internal/gateway/benchlatency
# (open-loop, 10 keep-alive connections, microsecond figures; hey reports
# 0.1 ms steps and wrk2 is not packaged here), once per proxy after the
# throughput rounds.
#
# Usage: scripts/bench-gateway.sh [ROUNDS] [DURATION]     (defaults: 3 rounds of 5s)
# PARLEY_BASE=/path/to/parley adds rows base and base+ (that binary with the
# same two configs), for a before/after comparison within one run.
# NETHTTP=1 adds row nethttp+: this build's parley+ with PARLEY_GATEWAY_FRONTEND=net/http.
# QUOTA=N (1..100) also puts every proxy (still pinned to CPU 0) in a cgroup of its own limited to
# N% of one core, so that the proxy, not wrk and the upstream on CPU 1, is the bottleneck and max
# req/s compares capacity under the same CPU; each round then shows the proxy's CPU use (≈ N%
# when saturated) and CPU 1's (below 100% when it is not the ceiling). Needs root (cgroup v1).
# The latency part runs with the quotas lifted. QUOTA_PERIOD_US sets the CFS period (default 10000 µs). ONLY="nginx parley+" runs only those rows.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
dur=${2:-5s}
latdur=${LATDUR:-8s}
for t in wrk taskset nginx caddy; do command -v "$t" >/dev/null || { echo "$t is needed (apt-get install $t)" >&2; exit 1; }; done
work=$(mktemp -d)
pids=()
# shellcheck source=scripts/bench-gateway-lib.sh
source scripts/bench-gateway-lib.sh
quota_check
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  sleep 0.3; quota_cleanup; rm -rf "$work"
}
trap cleanup EXIT
[ -n "${KEEP:-}" ] && trap - EXIT
go build -o "$work/parley" ./cmd/parley
go build -o "$work/upstream" ./internal/gateway/benchupstream
go build -o "$work/httputil" ./internal/gateway/benchproxy
go build -o "$work/fasthttp" ./internal/gateway/benchfast
go build -o "$work/nbio" ./internal/gateway/benchloop
[ -n "${GNETOPT:-}" ] && go build -tags poll_opt -o "$work/gnetopt" ./internal/gateway/benchloop
go build -o "$work/latency" ./internal/gateway/benchlatency

port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 100); do curl -sf -o /dev/null -H "Authorization: Bearer $token" "$1" && return 0; sleep 0.1; done; echo "not up: $1" >&2; cat "$work"/*.log "$work"/nginx.err >&2 2>/dev/null; exit 1; }

up=$(port)
taskset -c 1 "$work/upstream" -addr "127.0.0.1:$up" -token-file "$work/token" & pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/token" ] && break; sleep 0.1; done
token=$(cat "$work/token")
declare -A url pid

url[direct]="http://127.0.0.1:$up/"

start_nginx "$(port)" "$up"

p=$(port); url[caddy]="http://127.0.0.1:$p/"
cat >"$work/Caddyfile" <<CADDY
{
  admin off
  auto_https off
}
http://127.0.0.1:$p {
  reverse_proxy 127.0.0.1:$up {
    transport http {
      keepalive 90s
      keepalive_idle_conns_per_host 256
    }
  }
}
CADDY
XDG_DATA_HOME=$work XDG_CONFIG_HOME=$work taskset -c 0 caddy run --config "$work/Caddyfile" --adapter caddyfile >"$work/caddy.log" 2>&1 & pid[caddy]=$!; pids+=($!)

p=$(port); url[httputil]="http://127.0.0.1:$p/"
taskset -c 0 "$work/httputil" -addr "127.0.0.1:$p" -target "http://127.0.0.1:$up" 2>"$work/httputil.log" & pid[httputil]=$!; pids+=($!)

p=$(port); url[fasthttp]="http://127.0.0.1:$p/"
taskset -c 0 "$work/fasthttp" -addr "127.0.0.1:$p" -target "http://127.0.0.1:$up" 2>"$work/fasthttp.log" & pid[fasthttp]=$!; pids+=($!)

p=$(port); url[nbio]="http://127.0.0.1:$p/"
taskset -c 0 "$work/nbio" -addr "127.0.0.1:$p" -target "http://127.0.0.1:$up" 2>"$work/nbio.log" & pid[nbio]=$!; pids+=($!)
p=$(port); url[gnet]="http://127.0.0.1:$p/"
taskset -c 0 "$work/nbio" -engine gnet -addr "127.0.0.1:$p" -target "http://127.0.0.1:$up" 2>"$work/gnet.log" & pid[gnet]=$!; pids+=($!)

p=$(port); url[parley]="http://127.0.0.1:$p/"
cat >"$work/gw.yaml" <<YAML
listen: 127.0.0.1:$p
upstreams:
  api:
    targets: [http://127.0.0.1:$up]
routes:
  - path_prefix: /
    upstream: api
YAML
taskset -c 0 "$work/parley" gateway --config "$work/gw.yaml" --log-level error & pid[parley]=$!; pids+=($!)

p=$(port); url[parley+]="http://127.0.0.1:$p/"
edge_config "$work/gw-edge.yaml" "$p" "$up"
taskset -c 0 "$work/parley" gateway --config "$work/gw-edge.yaml" --log-level error & pid[parley+]=$!; pids+=($!)

p=$(port); url[parley-loop]="http://127.0.0.1:$p/"
edge_config "$work/gw-loop.yaml" "$p" "$up"
echo "engine: loop" >>"$work/gw-loop.yaml"
taskset -c 0 "$work/parley" gateway --config "$work/gw-loop.yaml" --log-level error & pid[parley-loop]=$!; pids+=($!)

names=(direct nginx caddy httputil fasthttp nbio gnet parley parley+ parley-loop)
if [ -n "${GNETOPT:-}" ]; then
  p=$(port); url[gnetopt]="http://127.0.0.1:$p/"
  taskset -c 0 "$work/gnetopt" -engine gnet -addr "127.0.0.1:$p" -target "http://127.0.0.1:$up" 2>"$work/gnetopt.log" & pid[gnetopt]=$!; pids+=($!)
  names+=(gnetopt)
fi
if [ -n "${NBIO2:-}" ]; then
  p=$(port); url[nbio2]="http://127.0.0.1:$p/"
  GOMAXPROCS=2 taskset -c 0 "$work/nbio" -addr "127.0.0.1:$p" -target "http://127.0.0.1:$up" 2>"$work/nbio2.log" & pid[nbio2]=$!; pids+=($!)
  names+=(nbio2)
fi
if [ -n "${NETHTTP:-}" ]; then
  p=$(port); url[nethttp+]="http://127.0.0.1:$p/"
  sed "s/^listen: .*/listen: 127.0.0.1:$p/" "$work/gw-edge.yaml" >"$work/nethttp.yaml"
  PARLEY_GATEWAY_FRONTEND=net/http taskset -c 0 "$work/parley" gateway --config "$work/nethttp.yaml" --log-level error & pid[nethttp+]=$!; pids+=($!)
  names+=(nethttp+)
fi
if [ -n "${PARLEY_BASE:-}" ]; then
  for v in base base+; do
    p=$(port); url[$v]="http://127.0.0.1:$p/"
    src=$work/gw.yaml; [ "$v" = base+ ] && src=$work/gw-edge.yaml
    sed "s/^listen: .*/listen: 127.0.0.1:$p/" "$src" >"$work/$v.yaml"
    taskset -c 0 "$PARLEY_BASE" gateway --config "$work/$v.yaml" --log-level error & pid[$v]=$!; pids+=($!)
  done
  names+=(base base+)
fi
if [ -n "${ONLY:-}" ]; then
  keep=(); for n in "${names[@]}"; do [[ " direct $ONLY " == *" $n "* ]] && keep+=("$n"); done; names=("${keep[@]}")
fi
for n in "${names[@]}"; do wait_up "${url[$n]}"; done
[ "$(curl -s -o /dev/null -w '%{http_code}' "${url[parley+]}")" = 401 ] || { echo "parley+ admits requests without a token" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "${url[parley-loop]}")" = 401 ] || { echo "parley-loop admits requests without a token" >&2; exit 1; }
for n in "${names[@]}"; do [ "$n" != direct ] && quota_put "$n" ${pid[$n]}; done

ticks() { local s=0; for p in $1; do s=$((s + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo $s; }
hz=$(getconf CLK_TCK)

echo "# $(date -u +%FT%TZ) $(nproc) cores; proxies on CPU 0, upstream and load generators on CPU 1; $(uptime | sed 's/.*load/load/')"
[ -n "${QUOTA:-}" ] && echo "# QUOTA=$QUOTA: every proxy in its own cgroup, CFS quota $QUOTA% of one core (period ${QUOTA_PERIOD_US:-10000} µs); proxy CPU = its CPU time / wall time, CPU 1 = busy share of the load generator's core"
echo "# wrk -t2 -c64 -d$dur (max req/s), $rounds interleaved rounds; benchlatency -rate 1000 -c 10 -d $latdur for latency"
echo "# nginx $(nginx -v 2>&1 | sed 's/.*\///'), caddy $(caddy version | cut -d' ' -f1), $(go version | cut -d' ' -f3)"
declare -A rps cpu
for r in $(seq 1 "$rounds"); do
  for n in "${names[@]}"; do
    before=0; [ "$n" != direct ] && before=$(ticks "${pid[$n]}")
    b1=$(cpu1_busy); t1=$(cpu1_total); th0=0; [ "$n" != direct ] && th0=$(quota_throttled "$n"); w0=$(date +%s.%N)
    out=$(taskset -c 1 wrk -t2 -c64 -d"$dur" -H "Authorization: Bearer $token" "${url[$n]}")
    w1=$(date +%s.%N)
    c1=$(python3 -c "print(f'{100*($(cpu1_busy)-$b1)/max(1,$(cpu1_total)-$t1):.0f}')")
    reqs=$(echo "$out" | awk '/requests in/ {print $1}')
    rs=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    errs=$(echo "$out" | grep -E 'Non-2xx|Socket errors' || true)
    cu="-"; pc="-"; th=""
    if [ "$n" != direct ]; then
      after=$(ticks "${pid[$n]}")
      cu=$(python3 -c "print(f'{($after-$before)/$hz*1e6/$reqs:.1f}')")
      pc=$(python3 -c "print(f'{100*($after-$before)/$hz/($w1-$w0):.0f}%')")
      [ -n "${QUOTA:-}" ] && th="  throttled $(( $(quota_throttled "$n") - th0 )) periods"
    fi
    rps[$n]="${rps[$n]:-} $rs"; cpu[$n]="${cpu[$n]:-} $cu"
    printf "round %d %-9s %9.0f req/s  CPU-us/req %6s  proxy CPU %4s  CPU 1 %3s%%%s  %s\n" "$r" "$n" "$rs" "$cu" "$pc" "$c1" "$th" "${errs:-errors 0}"
  done
done

[ -n "${QUOTA:-}" ] && quota_lift
echo
echo "## fixed 1,000 req/s (benchlatency -rate 1000 -c 10 -d $latdur, keep-alive, open-loop), latency in µs from when each request was due; added = service p50 (write to whole response) - direct's"
declare -A p50
for n in "${names[@]}"; do
  out=$(taskset -c 1 "$work/latency" -url "${url[$n]}" -rate 1000 -c 10 -d "$latdur" -H "Authorization: Bearer $token")
  kv() { echo "$out" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
  p50[$n]=$(kv svc_p50_us)
  printf "%-9s p50 %5s us  p90 %5s us  p99 %6s us  service p50 %5s us  added %5s us  n=%s errors=%s %s\n" "$n" "$(kv p50_us)" "$(kv p90_us)" \
    "$(kv p99_us)" "$(kv svc_p50_us)" "$(( $(kv svc_p50_us) - ${p50[direct]} ))" "$(kv n)" "$(kv errors)" "$(echo "$out" | sed 's/.*codes=//')"
done

echo
echo "## summary: median of $rounds rounds (min-max)"
for n in "${names[@]}"; do
  python3 - "$n" ${rps[$n]} -- ${cpu[$n]} <<'PY'
import sys, statistics as st
a = sys.argv[1:]; name = a[0]; i = a.index('--')
r = [float(x) for x in a[1:i]]; c = [x for x in a[i+1:]]
cs = [float(x) for x in c if x != '-']
cpu = f"{st.median(cs):6.1f} ({min(cs):.1f}-{max(cs):.1f})" if cs else "     -"
print(f"{name:9s} {st.median(r):8.0f} req/s ({min(r):.0f}-{max(r):.0f})  CPU-us/req {cpu}")
PY
done
