#!/usr/bin/env bash
# A/B of two gateway binaries and nginx under the same interference: all
# three pinned to CPU 0 and loaded at the same time (one wrk -t1 -c64 each,
# on CPU 1), so that whatever else runs on the machine hits them alike.
# Reports CPU-us per request of each (utime+stime from /proc / requests) per
# round and the median of the rounds. On a shared machine this is steadier
# than bench-gateway.sh's one-after-the-other rounds; it does not give the
# maximum throughput of any of them.
#
# Usage: scripts/bench-gateway-ab.sh OLD_BINARY [ROUNDS] [DURATION]
# (the new binary is built from this checkout; JWT + rate limit config as
# bench-gateway.sh's parley+.) FAST=1 adds a fourth, loaded at the same time:
# the bare fasthttp proxy (internal/gateway/benchfast), the floor of a Go proxy.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1; rounds=${2:-5}; dur=${3:-10s}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
go build -o "$work/parley" ./cmd/parley
go build -o "$work/upstream" ./internal/gateway/benchupstream
[ -n "${FAST:-}" ] && go build -o "$work/fasthttp" ./internal/gateway/benchfast
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
up=$(port)
taskset -c 1 "$work/upstream" -addr "127.0.0.1:$up" -token-file "$work/token" & pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/token" ] && break; sleep 0.1; done
token=$(cat "$work/token")
declare -A url pid
# shellcheck source=scripts/bench-gateway-lib.sh
source scripts/bench-gateway-lib.sh
start_nginx "$(port)" "$up"
for v in old new; do
  p=$(port); url[$v]="http://127.0.0.1:$p/"
  edge_config "$work/$v.yaml" "$p" "$up"
  bin=$work/parley; [ $v = old ] && bin=$old
  taskset -c 0 "$bin" gateway --config "$work/$v.yaml" --log-level error & pid[$v]=$!; pids+=($!)
done
names=(nginx old new)
if [ -n "${FAST:-}" ]; then
  p=$(port); url[fasthttp]="http://127.0.0.1:$p/"
  taskset -c 0 "$work/fasthttp" -addr "127.0.0.1:$p" -target "http://127.0.0.1:$up" & pid[fasthttp]=$!; pids+=($!)
  names+=(fasthttp)
fi
for n in "${names[@]}"; do
  for _ in $(seq 1 100); do curl -sf -o /dev/null -H "Authorization: Bearer $token" "${url[$n]}" && break; sleep 0.1; done
done
ticks() { local s=0; for p in $1; do s=$((s + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo $s; }
hz=$(getconf CLK_TCK)
echo "# $(date -u +%FT%TZ) $(uptime | sed 's/.*load/load/'); old=$old, new=this checkout ($(git rev-parse --short HEAD))"
echo "# per round: ${names[*]} loaded at once, wrk -t1 -c64 -d$dur each on CPU 1"
declare -A cpu
for r in $(seq 1 "$rounds"); do
  declare -A before
  for n in "${names[@]}"; do before[$n]=$(ticks "${pid[$n]}"); done
  for n in "${names[@]}"; do taskset -c 1 wrk -t1 -c64 -d"$dur" -H "Authorization: Bearer $token" "${url[$n]}" >"$work/$n.out" & done
  wait $(jobs -p | tail -${#names[@]})
  line="round $r"
  for n in "${names[@]}"; do
    reqs=$(awk '/requests in/ {print $1}' "$work/$n.out")
    errs=$(grep -E 'Non-2xx|Socket errors' "$work/$n.out" | tr -s ' \n' ' ' || true)
    cu=$(python3 -c "print(f'{($(ticks "${pid[$n]}")-${before[$n]})/$hz*1e6/$reqs:.1f}')")
    cpu[$n]="${cpu[$n]:-} $cu"
    line="$line  $n $reqs req ${cu} us/req (${errs:-errors 0})"
  done
  echo "$line"
done
python3 - ${cpu[nginx]} -- ${cpu[old]} -- ${cpu[new]} -- ${cpu[fasthttp]:-} <<'PY'
import sys, statistics as st
a = " ".join(sys.argv[1:]).split("--")
ng, old, new, fast = ([float(x) for x in s.split()] for s in a)
rat = lambda xs, ys: st.median([x / y for x, y in zip(xs, ys)])
f = f"  fasthttp {st.median(fast):.1f}" if fast else ""
print(f"median CPU-us/req: nginx {st.median(ng):.1f}  old {st.median(old):.1f}  new {st.median(new):.1f}{f}")
f = f"  fasthttp/nginx {rat(fast, ng):.2f}  new/fasthttp {rat(new, fast):.2f}" if fast else ""
print(f"median of per-round ratios: new/old {rat(new, old):.3f}  old/nginx {rat(old, ng):.2f}  new/nginx {rat(new, ng):.2f}{f}")
PY
