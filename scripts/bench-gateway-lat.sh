#!/usr/bin/env bash
# Latency at a fixed rate, interleaved rounds: the upstream alone (direct),
# nginx, parley+ (JWT + rate limit, as bench-gateway.sh's) with its default
# processors, and parley+ with GOMAXPROCS=1; each proxy pinned to CPU 0, the
# upstream and benchlatency on CPU 1, as in bench-gateway.sh. Per round and
# target: benchlatency's p50/p99 and service p50 (write to whole response),
# added = service p50 − direct's in the same round, and per request the
# proxy's CPU time (ns from /proc/PID/task/*/schedstat, so every thread) and
# context switches (voluntary + involuntary, /proc/PID/task/*/status), and
# the load average. Then the medians over the rounds.
#
# Usage: scripts/bench-gateway-lat.sh [ROUNDS] [DURATION] [RATE]   (defaults 5, 5s, 1000)
# FAST=1 adds the bare fasthttp proxy (internal/gateway/benchfast, one P).
# LOOP=1 adds the bare event-loop proxy (internal/gateway/benchloop) on nbio and on gnet.
# PLOOP=1 adds parley-loop: parley+'s config with engine: loop.
# SYSMON1=1 adds parley+sm1: parley+ with the Go runtime's monitor thread moved to CPU 1 (diagnosis).
# VARIANT="name:ENV=V ..." adds parley+ rows run with those environments
# (e.g. VARIANT="p2-unpinned:GOMAXPROCS=2"; values without spaces).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}; dur=${2:-5s}; rate=${3:-1000}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
go build -o "$work/parley" ./cmd/parley
go build -o "$work/upstream" ./internal/gateway/benchupstream
go build -o "$work/latency" ./internal/gateway/benchlatency
[ -n "${FAST:-}" ] && go build -o "$work/fasthttp" ./internal/gateway/benchfast
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
up=$(port)
taskset -c 1 "$work/upstream" -addr "127.0.0.1:$up" -token-file "$work/token" & pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/token" ] && break; sleep 0.1; done
token=$(cat "$work/token")
declare -A url pid
# shellcheck source=scripts/bench-gateway-lib.sh
source scripts/bench-gateway-lib.sh
url[direct]="http://127.0.0.1:$up/"
start_nginx "$(port)" "$up"
names=(direct nginx)
gw() { # gw NAME ENV...: a parley+ pinned to CPU 0 with the environment ENV
  local n=$1; shift
  local p; p=$(port); url[$n]="http://127.0.0.1:$p/"
  edge_config "$work/$n.yaml" "$p" "$up"
  env "$@" taskset -c 0 "$work/parley" gateway --config "$work/$n.yaml" --log-level error & pid[$n]=$!; pids+=($!)
  names+=("$n")
}
gw parley+
gw parley+p1 GOMAXPROCS=1
for v in ${VARIANT:-}; do
  # shellcheck disable=SC2086
  gw "${v%%:*}" $(echo "${v#*:}" | tr ',' ' ')
done
if [ -n "${PLOOP:-}" ]; then
  p=$(port); url[parley-loop]="http://127.0.0.1:$p/"
  edge_config "$work/parley-loop.yaml" "$p" "$up"
  echo "engine: loop" >>"$work/parley-loop.yaml"
  taskset -c 0 "$work/parley" gateway --config "$work/parley-loop.yaml" --log-level error & pid[parley-loop]=$!; pids+=($!)
  names+=(parley-loop)
fi
if [ -n "${SYSMON1:-}" ]; then
  # Diagnosis, not a setting: parley+ with the runtime's monitor thread (sysmon, the first
  # thread the runtime starts, so the second-lowest thread id) moved to CPU 1, to see what its
  # wake-ups on the proxy's core cost.
  gw parley+sm1
fi
if [ -n "${FAST:-}" ]; then
  p=$(port); url[fasthttp]="http://127.0.0.1:$p/"
  taskset -c 0 "$work/fasthttp" -addr "127.0.0.1:$p" -target "http://127.0.0.1:$up" & pid[fasthttp]=$!; pids+=($!)
  names+=(fasthttp)
fi
if [ -n "${LOOP:-}" ]; then
  go build -o "$work/loop" ./internal/gateway/benchloop
  for e in nbio gnet; do
    p=$(port); url[$e]="http://127.0.0.1:$p/"
    taskset -c 0 "$work/loop" -engine $e -addr "127.0.0.1:$p" -target "http://127.0.0.1:$up" 2>/dev/null & pid[$e]=$!; pids+=($!)
    names+=("$e")
  done
fi
for n in "${names[@]}"; do
  for _ in $(seq 1 100); do curl -sf -o /dev/null -H "Authorization: Bearer $token" "${url[$n]}" && break; sleep 0.1; done
done
if [ -n "${SYSMON1:-}" ]; then
  sm=$(ls /proc/"${pid[parley+sm1]}"/task | sort -n | sed -n 2p)
  taskset -p -c 1 "$sm" >/dev/null
  echo "# parley+sm1: thread $sm ($(cat /proc/"${pid[parley+sm1]}"/task/"$sm"/comm)) moved to CPU 1"
fi
# cpu_ns PIDS: CPU time of every thread of the processes, in ns.
cpu_ns() { local s=0 p t; for p in $1; do for t in /proc/"$p"/task/*/schedstat; do s=$((s + $(cut -d' ' -f1 "$t"))); done; done; echo $s; }
# switches PIDS: context switches of every thread of the processes.
switches() { local p; for p in $1; do cat /proc/"$p"/task/*/status; done | awk '/ctxt_switches/ {s += $2} END {print s + 0}'; }
echo "# $(date -u +%FT%TZ) $(nproc) cores; proxies on CPU 0, upstream and benchlatency on CPU 1; $(uptime | sed 's/.*load/load/')"
echo "# per round: benchlatency -rate $rate -c 10 -d $dur for each of: ${names[*]}"
res=$work/results
for r in $(seq 1 "$rounds"); do
  for n in "${names[@]}"; do
    c0=0; s0=0; [ "$n" != direct ] && { c0=$(cpu_ns "${pid[$n]}"); s0=$(switches "${pid[$n]}"); }
    out=$(taskset -c 1 "$work/latency" -url "${url[$n]}" -rate "$rate" -c 10 -d "$dur" -H "Authorization: Bearer $token")
    kv() { echo "$out" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
    cu=0; sw=0
    if [ "$n" != direct ]; then
      # the warm-up's requests count too: CPU and switches over every request sent
      sent=$(python3 -c "print(int($rate * (1 + $(echo "$dur" | tr -d s))))")
      cu=$(python3 -c "print(f'{($(cpu_ns "${pid[$n]}") - $c0) / 1000 / $sent:.1f}')")
      sw=$(python3 -c "print(f'{($(switches "${pid[$n]}") - $s0) / $sent:.2f}')")
    fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "$r $n $(kv svc_p50_us) $(kv p50_us) $(kv p99_us) $cu $sw $load $(kv errors)" >>"$res"
    printf "round %d %-12s svc p50 %5s us  p50 %5s us  p99 %6s us  CPU-us/req %5s  switches/req %5s  load %s  errors %s\n" \
      "$r" "$n" "$(kv svc_p50_us)" "$(kv p50_us)" "$(kv p99_us)" "$cu" "$sw" "$load" "$(kv errors)"
  done
done
echo "# $(date -u +%FT%TZ) $(uptime | sed 's/.*load/load/')"
python3 - "$res" "${names[@]}" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
names = sys.argv[2:]
direct = {r[0]: float(r[2]) for r in rows if r[1] == "direct"}
med = lambda xs: st.median(xs)
print("## medians over rounds (added = service p50 - direct's in the same round)")
for n in names:
    rs = [r for r in rows if r[1] == n]
    added = [float(r[2]) - direct[r[0]] for r in rs]
    print(f"{n:12s} svc p50 {med([float(r[2]) for r in rs]):6.0f} us  added {med(added):5.0f} us ({min(added):.0f}..{max(added):.0f})"
          f"  p50 {med([float(r[3]) for r in rs]):6.0f}  p99 {med([float(r[4]) for r in rs]):6.0f}"
          f"  CPU-us/req {med([float(r[5]) for r in rs]):5.1f}  switches/req {med([float(r[6]) for r in rs]):5.2f}")
pairs = [(n, "parley+") for n in names if n.startswith("parley+") and n != "parley+"] + [(n, "nginx") for n in names if n.startswith("parley+") or n in ("nbio", "gnet", "fasthttp", "parley-loop")]
for a, b in pairs:
    if a in names and b in names:
        da = {r[0]: float(r[2]) for r in rows if r[1] == a}; db = {r[0]: float(r[2]) for r in rows if r[1] == b}
        lower = sum(da[k] < db[k] for k in da)
        print(f"{a} vs {b}: service p50 lower in {lower} of {len(da)} rounds, median difference {med([da[k] - db[k] for k in da]):.0f} us")
PY
