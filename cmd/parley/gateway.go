package main

import (
	"context"
	"fmt"
	"io"

	"github.com/parleyhq/parley/internal/gateway"
	"github.com/parleyhq/parley/internal/telemetry"
)

// runGateway runs the edge reverse proxy described by --config.
func runGateway(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("gateway", "gateway --config FILE", e.stderr, gatewayHelp)
	path := fs.String("config", "", "YAML configuration `file` (required; see docs/gateway.md)")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	logLevel := fs.String("log-level", "info", "log level: debug, info, warn, error")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *path == "" || fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("gateway: --config FILE is required and takes no arguments")
	}
	logger := telemetry.NewLogger(e.stderr, *logFormat, *logLevel)
	return gateway.Serve(ctx, gateway.Options{ConfigPath: *path, Logger: logger,
		FrontEnd: e.getenv("PARLEY_GATEWAY_FRONTEND")})
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

Optional: admin_listen (/healthz, /metrics, /status), trusted_proxies, balancing,
health_check, outlier, retries, breaker, per-route host, methods, timeout, auth
(JWT via JWKS), rate_limit (memory or Redis). SIGHUP or editing the file reloads it.
`)
}
