package gateway_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/parleyhq/parley/internal/gateway"
	"github.com/parleyhq/parley/internal/gateway/config"
	"github.com/parleyhq/parley/internal/telemetry"
)

// startGateway serves cfgYAML (with %s replaced by targets, in order) from
// an httptest server and returns the gateway and its base URL.
func startGateway(t *testing.T, cfgYAML string) (*gateway.Gateway, string) {
	return startGatewayB(t, cfgYAML)
}

func startGatewayB(t testing.TB, cfgYAML string) (*gateway.Gateway, string) {
	t.Helper()
	cfg := mustParse(t, cfgYAML)
	g, err := gateway.New(telemetry.Discard(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	switch os.Getenv("PARLEY_TEST_GATEWAY_FRONTEND") {
	case gateway.FrontEndFastHTTP:
		return g, serveFast(t, g)
	case "loop":
		return g, serveLoop(t, g)
	}
	srv := httptest.NewServer(g)
	t.Cleanup(func() { srv.Close(); _ = g.Close() })
	return g, srv.URL
}

// serveFast serves g with the fasthttp front end on a loopback port and
// returns its base URL. PARLEY_TEST_GATEWAY_FRONTEND=fasthttp runs every
// test of the package this way.
func serveFast(t testing.TB, g *gateway.Gateway) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := g.NewFastServer(telemetry.Discard())
	go func() { _ = gateway.ServeFast(srv, ln) }()
	t.Cleanup(func() { _ = srv.Shutdown(); _ = g.Close() })
	return "http://" + ln.Addr().String()
}

// serveLoop serves g with the event-loop engine (engine: loop) on a
// loopback port and returns its base URL. PARLEY_TEST_GATEWAY_FRONTEND=loop
// runs every test of the package this way.
func serveLoop(t testing.TB, g *gateway.Gateway) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	srv := g.NewFastServer(telemetry.Discard())
	go func() {
		done <- gateway.ServeLoop(ctx, g, srv, telemetry.Discard(), "127.0.0.1:0", func(a string) { ready <- a })
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		<-done
		_ = srv.Shutdown()
		_ = g.Close()
	})
	return "http://" + addr
}

func mustParse(t testing.TB, cfgYAML string) *config.Config {
	t.Helper()
	cfg, err := config.Parse([]byte(cfgYAML))
	if err != nil {
		t.Fatalf("config: %v\n%s", err, cfgYAML)
	}
	return cfg
}

// pool renders one upstream named api with targets and extra YAML lines
// (indented under the upstream) plus a catch-all route.
func poolConfig(targets []string, upstreamExtra, routeExtra string) string {
	return fmt.Sprintf(`listen: 127.0.0.1:0
trusted_proxies: [10.9.9.9]
upstreams:
  api:
    targets: [%s]
%s
routes:
  - path_prefix: /
    upstream: api
%s
`, strings.Join(targets, ", "), indent(upstreamExtra, "    "), indent(routeExtra, "    "))
}

func indent(s, by string) string {
	if s == "" {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := range lines {
		lines[i] = by + lines[i]
	}
	return strings.Join(lines, "\n")
}

// backend is an upstream that counts its requests and answers with its name.
type backend struct {
	name  string
	srv   *httptest.Server
	hits  atomic.Int64
	fails atomic.Int64 // when > 0, answer 503 and decrement
	sick  atomic.Bool  // when true, /healthz answers 500
}

func newBackend(t testing.TB, name string, h http.HandlerFunc) *backend {
	t.Helper()
	b := &backend{name: name}
	b.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" {
			if b.sick.Load() {
				w.WriteHeader(http.StatusInternalServerError)
			}
			return
		}
		b.hits.Add(1)
		if b.fails.Load() > 0 {
			b.fails.Add(-1)
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		if h != nil {
			h(w, r)
			return
		}
		w.Header().Set("X-Backend", name)
		_, _ = io.WriteString(w, name)
	}))
	t.Cleanup(b.srv.Close)
	return b
}

func urls(bs ...*backend) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.srv.URL
	}
	return out
}

func get(t *testing.T, c *http.Client, url string) (*http.Response, string) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}
