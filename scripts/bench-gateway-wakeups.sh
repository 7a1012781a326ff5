#!/usr/bin/env bash
# Where a proxy's time goes at a fixed 1,000 req/s, in counts: nginx, parley+ (JWT + rate limit,
# default processors) and parley+ with GOMAXPROCS=1, one at a time, each pinned to CPU 0 with the
# upstream and benchlatency on CPU 1. Per thread: context switches and CPU time per request
# (/proc/PID/task/*/{status,schedstat}) over 4 s; then system calls by name (strace -f -c) over
# 3 s (3,000 requests). Needs strace. Usage: scripts/bench-gateway-wakeups.sh
# NBIO=1 adds the bare event-loop proxy (internal/gateway/benchloop) on nbio with one P (nbio) and two
# (nbio2), and on gnet (gnet); ONLY="nginx nbio" limits the rows (names: nginx default p1 nbio nbio2 gnet).
set -e
cd "$(dirname "$0")/.."
work=$(mktemp -d); pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null; done; [ -f $work/nginx.pid ] && kill $(cat $work/nginx.pid); rm -rf $work' EXIT
go build -o $work/parley ./cmd/parley; go build -o $work/nbio ./internal/gateway/benchloop; go build -o $work/upstream ./internal/gateway/benchupstream; go build -o $work/latency ./internal/gateway/benchlatency
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
up=$(port); taskset -c 1 $work/upstream -addr 127.0.0.1:$up -token-file $work/token & pids+=($!)
sleep 0.5; token=$(cat $work/token)
declare -A url pid
source scripts/bench-gateway-lib.sh
start_nginx "$(port)" "$up"
for v in default p1; do p=$(port); url[$v]=http://127.0.0.1:$p/; edge_config $work/$v.yaml $p $up
  e=""; [ $v = p1 ] && e="GOMAXPROCS=1"
  env $e taskset -c 0 $work/parley gateway --config $work/$v.yaml --log-level error & pid[$v]=$!; pids+=($!); done
names="nginx default p1"
if [ -n "${NBIO:-}" ]; then
  for v in nbio nbio2 gnet; do p=$(port); url[$v]=http://127.0.0.1:$p/
    e=""; [ $v = nbio2 ] && e="GOMAXPROCS=2"
    en=nbio; [ $v = gnet ] && en=gnet
    env $e taskset -c 0 $work/nbio -engine $en -addr 127.0.0.1:$p -target http://127.0.0.1:$up 2>/dev/null & pid[$v]=$!; pids+=($!); done
  names="$names nbio nbio2 gnet"
fi
[ -n "${ONLY:-}" ] && names=$ONLY
sleep 1
for n in $names; do curl -sf -o /dev/null -H "Authorization: Bearer $token" ${url[$n]}; done
for n in $names; do
  p=${pid[$n]}; [ $n = nginx ] && p=$(pgrep -P $(cat $work/nginx.pid))
  echo "== $n $(uptime | sed 's/.*load/load/')"
  for t in /proc/$p/task/*; do echo "$(basename $t) $(awk '/ctxt/{s+=$2} END{print s}' $t/status) $(cut -d' ' -f1 $t/schedstat)"; done > $work/before
  taskset -c 1 $work/latency -url ${url[$n]} -rate 1000 -c 10 -d 4s -warmup 0s -H "Authorization: Bearer $token" | sed 's/ codes.*//'
  for t in /proc/$p/task/*; do echo "$(basename $t) $(awk '/ctxt/{s+=$2} END{print s}' $t/status) $(cut -d' ' -f1 $t/schedstat)"; done > $work/after
  join $work/before $work/after | awk '{printf "  thread %s switches/req %.2f CPU-us/req %.1f\n", $1, ($4-$2)/4000, ($5-$3)/4000/1000}'
  timeout 5 strace -f -c -p $p -o $work/strace.txt >/dev/null 2>&1 & sp=$!
  sleep 0.5
  taskset -c 1 $work/latency -url ${url[$n]} -rate 1000 -c 10 -d 3s -warmup 0s -H "Authorization: Bearer $token" >/dev/null
  wait $sp || true
  awk 'NR>2 && $NF !~ /total|^-/ {print "  strace", $NF, $(NF-2) == "" ? $4 : $4}' $work/strace.txt | head -12
done
