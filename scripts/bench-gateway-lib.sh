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
