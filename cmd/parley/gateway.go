package main

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"github.com/parleyhq/parley/internal/gateway"
	"github.com/parleyhq/parley/internal/telemetry"
)

// runGateway runs the edge reverse proxy described by --config.
func runGateway(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("gateway", "gateway --config FILE", e.stderr, gatewayHelp)
	path := fs.String("config", "", "YAML configuration `file` (required; see docs/gateway.md)")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	logLevel := fs.String("log-level", "info", "log level: debug, info, warn, error")
	if err := parseFlags(fs, args, e); err != nil {
		return err
	}
	if *path == "" || fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("gateway: --config FILE is required and takes no arguments")
	}
	logger := telemetry.NewLogger(e.stderr, *logFormat, *logLevel)
	if procs := gatewayProcs(e.getenv("GOMAXPROCS"), runtime.GOMAXPROCS(0)); procs > 0 {
		runtime.GOMAXPROCS(procs)
		logger.Debug("scheduler", "gomaxprocs", procs)
	}
	return gateway.Serve(ctx, gateway.Options{ConfigPath: *path, Logger: logger,
		FrontEnd: e.getenv("PARLEY_GATEWAY_FRONTEND")})
}

// gatewayProcs is the GOMAXPROCS the gateway sets, or 0 to leave Go's
// choice (current) alone: at least two processors (Ps), unless GOMAXPROCS
// is in the environment (env). With one P — one CPU in the affinity mask
// or the cgroup — a handler in a loopback write to the upstream (which
// runs the upstream's TCP receive path inline, tens of µs) holds the only
// P; the runtime's monitor then hands the P to another thread and keeps
// waking every 20 µs to check. With a second P idle nothing is handed
// off. On one pinned core that cut CPU per request and raised throughput
// under a CPU quota (docs/benchmarks-log.md, "two Ps on one core"). Setting it
// stops Go's own updates of GOMAXPROCS to cgroup limits, so it is done
// only when Go chose one.
func gatewayProcs(env string, current int) int {
	if env != "" || current >= 2 {
		return 0
	}
	return 2
}

func gatewayHelp(w io.Writer) {
	fmt.Fprint(w, `Minimal configuration (proxies everything, streaming unbuffered):

  listen: 127.0.0.1:8081
  upstreams:
    api:
      targets: [http://127.0.0.1:8080, http://127.0.0.1:8082]
  routes:
    - path_prefix: /
      upstream: api

Optional: admin_listen (/healthz, /metrics, /status, /debug/pprof/), trusted_proxies, balancing,
health_check, outlier, retries, breaker, per-route host, methods, timeout, auth
(JWT via JWKS), rate_limit (memory or Redis). SIGHUP or editing the file reloads it.

Environment:
  PARLEY_GATEWAY_FRONTEND  fasthttp (default) or net/http: the server on listen
  GOMAXPROCS               unset: Go's choice, raised to 2 when that is 1

Example:
  parley gateway --config gateway.yaml --log-format json
`)
}
