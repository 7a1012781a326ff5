# Shared by scripts/bench-gateway.sh and scripts/bench-gateway-ab.sh (sourced, not run).

# start_nginx PORT UPSTREAM_PORT: nginx as the peer proxy, one worker pinned to CPU 0, keep-alive to
# the upstream both ways (MEASURING.md); config, pid and logs in $work. Sets url[nginx], pid[nginx].
start_nginx() {
  local p=$1 up=$2
  url[nginx]="http://127.0.0.1:$p/"
  cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
daemon on;
pid $work/nginx.pid;
error_log $work/nginx.err warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  upstream up { server 127.0.0.1:$up; keepalive 256; }
  server {
    listen 127.0.0.1:$p;
    location / { proxy_pass http://up; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
  taskset -c 0 nginx -c "$work/nginx.conf" -p "$work"
  sleep 0.3
  pid[nginx]="$(cat "$work/nginx.pid") $(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')"
}

# edge_config FILE PORT UPSTREAM_PORT: a gateway config with JWT validation (against the test
# upstream's JWKS) and a rate limit too high to refuse anything, so both cost what they cost.
edge_config() {
  cat >"$1" <<YAML
listen: 127.0.0.1:$2
upstreams:
  api:
    targets: [http://127.0.0.1:$3]
routes:
  - path_prefix: /
    upstream: api
    auth: {jwks_url: "http://127.0.0.1:$3/oauth/jwks", issuer: "http://127.0.0.1:$3", audience: parley}
    rate_limit: {rate: 1000000000, period: 1s}
YAML
}

# CPU quotas (QUOTA=N: N% of one core for every proxy). Pinning alone leaves the proxy's core
# idle whenever the load generator and the upstream on the other core are the ceiling, so max
# req/s then measures wrk, not the proxy. With a cgroup v1 CFS quota per proxy (period 10 ms,
# quota N% of it; QUOTA_PERIOD_US changes the period), each proxy gets the same small budget, it — not CPU 1 — saturates, and max
# req/s compares capacity under the same CPU. Needs root and /sys/fs/cgroup/cpu (cgroup v1).
cg_root=/sys/fs/cgroup/cpu
cg_made=()

# quota_check: fail early when QUOTA is set but cgroup v1 cpu quotas are not writable.
quota_check() {
  [ -z "${QUOTA:-}" ] && return 0
  [ -w "$cg_root/cgroup.procs" ] || { echo "QUOTA needs a writable cgroup v1 $cg_root (root)" >&2; exit 1; }
  [[ "$QUOTA" =~ ^[0-9]+$ ]] && [ "$QUOTA" -ge 1 ] && [ "$QUOTA" -le 100 ] || { echo "QUOTA: want 1..100 (% of one core)" >&2; exit 1; }
}

# quota_put NAME PID...: a cgroup of its own for NAME with QUOTA% of one core, holding the
# processes PID... (every thread moves with a process; children inherit the group).
quota_put() {
  [ -z "${QUOTA:-}" ] && return 0
  local name=$1; shift
  local d=$cg_root/parley-bench-$$-${name//+/plus}
  mkdir -p "$d"; cg_made+=("$d")
  local period=${QUOTA_PERIOD_US:-10000}
  echo "$period" >"$d/cpu.cfs_period_us"
  echo $((QUOTA * period / 100)) >"$d/cpu.cfs_quota_us"
  local p; for p in "$@"; do echo "$p" >"$d/cgroup.procs"; done
}

# quota_throttled NAME: periods in which NAME's group was throttled so far (0 without QUOTA).
quota_throttled() {
  [ -z "${QUOTA:-}" ] && { echo 0; return; }
  awk '/^nr_throttled/ {print $2}' "$cg_root/parley-bench-$$-${1//+/plus}/cpu.stat"
}

# quota_lift: remove the limits (groups stay), for the latency part: latency is measured well
# below the knee, where a quota would only add throttling stalls.
quota_lift() {
  local d
  for d in "${cg_made[@]}"; do echo -1 >"$d/cpu.cfs_quota_us"; done
}

# quota_cleanup: move what is left back to the root group and remove the groups (after the
# proxies were killed).
quota_cleanup() {
  local d p
  for d in "${cg_made[@]}"; do
    for p in $(cat "$d/cgroup.procs" 2>/dev/null); do echo "$p" >"$cg_root/cgroup.procs" 2>/dev/null || true; done
    rmdir "$d" 2>/dev/null || true
  done
}

# cpu1_busy: busy jiffies of CPU 1 so far (user+nice+system+irq+softirq+steal), to show whether
# the load generator's core is the ceiling.
cpu1_busy() { awk '$1 == "cpu1" {print $2+$3+$4+$7+$8+$9}' /proc/stat; }
cpu1_total() { awk '$1 == "cpu1" {s=0; for (i=2;i<=9;i++) s+=$i; print s}' /proc/stat; }
