// Package gateway is Parley's edge reverse proxy: routing by host, path
// prefix and method to upstream pools; round-robin, least-requests and
// power-of-two-choices balancing; active health checks and passive outlier
// ejection; per-route timeouts; budgeted retries of idempotent requests; a
// circuit breaker per upstream; optional JWT validation and rate limits;
// unbuffered streaming (SSE, WebSocket); atomic hot reload.
package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"maps"
	"net/http"
	"net/http/pprof"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/gateway/config"
	"github.com/parleyhq/parley/internal/ratelimit"
)

// Gateway is the proxy handler. Its configuration can be replaced at any
// time with Apply; requests in flight finish on the configuration they
// started with.
type Gateway struct {
	logger       *slog.Logger
	transport    *http.Transport // health checks, JWKS, and what h1 hands over
	h1           *h1Transport
	healthClient *http.Client
	metrics      *metrics
	memLimiter   *ratelimit.Memory
	state        atomic.Pointer[state]

	applyMu sync.Mutex // serializes Apply
	redisMu sync.Mutex
	redis   map[string]*redis.Client
}

// New returns a gateway serving cfg (already validated by config.Parse).
func New(logger *slog.Logger, cfg *config.Config) (*Gateway, error) {
	tr := newBaseTransport()
	g := &Gateway{
		logger:       logger,
		transport:    tr,
		h1:           newH1Transport(tr, tr.DialContext),
		healthClient: &http.Client{Transport: tr, Timeout: 10 * time.Second},
		metrics:      newMetrics(),
		memLimiter:   ratelimit.NewMemory(nil),
		redis:        map[string]*redis.Client{},
	}
	if err := g.Apply(cfg); err != nil {
		return nil, err
	}
	return g, nil
}

// Apply swaps in cfg atomically. The previous generation's health checks
// stop; its requests and streams are left to finish.
func (g *Gateway) Apply(cfg *config.Config) error {
	g.applyMu.Lock()
	defer g.applyMu.Unlock()
	prev := g.state.Load()
	st, err := g.build(cfg, prev)
	if err != nil {
		g.metrics.reloads.WithLabelValues("error").Inc()
		return err
	}
	g.state.Store(st)
	if prev != nil {
		prev.stop()
	}
	g.metrics.reloads.WithLabelValues("ok").Inc()
	return nil
}

// Config returns the configuration in force.
func (g *Gateway) Config() *config.Config { return g.state.Load().cfg }

// Close stops health checks and closes idle upstream connections and
// Redis clients. Call it after the servers have shut down.
func (g *Gateway) Close() error {
	g.state.Load().stop()
	g.h1.CloseIdleConnections()
	g.redisMu.Lock()
	defer g.redisMu.Unlock()
	var errs []error
	for _, c := range g.redis {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// ServeHTTP routes r, applies the route's auth and rate limit, and proxies.
// A body over max_request_body is refused (413) before it is read when its
// length is declared, and cut when it grows past the limit (see streamBody).
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == "PRI" && r.RequestURI == "*" && r.ProtoMajor == 2 {
		// HTTP/2's preface on an HTTP/1 connection: net/http's server lets
		// it through for an HTTP/2 server to take over, and there is none.
		// A request over HTTP/2 itself never has this method.
		w.Header().Set("Connection", "close")
		writeProblem(w, problem{Status: http.StatusHTTPVersionNotSupported, Detail: "the gateway speaks HTTP/1.0 and HTTP/1.1 on this port (the connection opened with HTTP/2's preface)"})
		return
	}
	if r.ContentLength != 0 && r.Body != nil && r.Body != http.NoBody {
		limit := g.state.Load().cfg.MaxRequestBody
		if r.ContentLength > limit {
			w.Header().Set("Connection", "close")
			writeProblem(w, problem{Status: http.StatusRequestEntityTooLarge, Detail: errBodyTooLarge.Error()})
			return
		}
		if r.ContentLength < 0 || r.ContentLength > h1MaxBody { // the small ones the fast path sends whole
			r.Body = &streamBody{r: r.Body, left: limit}
		}
	}
	g.handle(w, r, nil, nil)
}

// handle is ServeHTTP for both front ends; fw is set when w is fasthttp's
// (and r an ordinary request, see ordinaryFH), sr when the fasthttp front
// end has more to say (a streamed body, edge checks already passed).
func (g *Gateway) handle(w http.ResponseWriter, r *http.Request, fw *fhWriter, sr *slowRequest) {
	st := g.state.Load()
	id := stamp(r.Header)
	rt := g.route(st, w, r, id)
	if rt == nil {
		return
	}
	start := time.Now()
	sw := &statusWriter{ResponseWriter: w}
	defer func() {
		rt.metrics.count(sw.status)
		at := sw.headerAt
		if at.IsZero() {
			at = time.Now()
		}
		rt.metrics.duration.Observe(at.Sub(start).Seconds())
	}()
	if sr != nil && sr.passed == rt { // checked before 100 Continue (see expect)
		maps.Copy(sw.Header(), sr.fields)
	} else if err := g.edge(r.Context(), sw, r, rt, start); err != nil {
		writeEdgeError(sw, err, id)
		return
	}
	if fw != nil {
		rt.serveFH(sw, fw, r)
		return
	}
	if fastInbound(r) {
		rt.serveFast(sw, r)
		return
	}
	if r.Header["Upgrade"] != nil { // WebSocket: route has removed any other
		rt.proxy.ServeHTTP(&upgradeWriter{ResponseWriter: sw, tun: sr.tunnel()}, r)
		return
	}
	rt.proxy.ServeHTTP(sw, r)
}

// route finds r's route, or answers 404 (or 400 for a path that routes
// elsewhere once cleaned) and returns nil. id is the request's id.
func (g *Gateway) route(st *state, w http.ResponseWriter, r *http.Request, id string) *route {
	if up := r.Header["Upgrade"]; up != nil && !webSocketUpgrade(up) {
		delete(r.Header, "Upgrade")
	}
	path, plain := routePath(r.URL.Path)
	rt := st.match(path, r.Method, r.Host)
	if !plain && st.match(cleanPath(r.URL.Path), r.Method, r.Host) != rt {
		w.Header().Set("X-Request-ID", id)
		writeProblem(w, problem{Status: http.StatusBadRequest, Detail: "the path has dot segments, empty segments or backslashes, and read without them it belongs to another route", RequestID: id})
		return nil
	}
	if rt == nil {
		w.Header().Set("X-Request-ID", id)
		writeProblem(w, problem{Status: http.StatusNotFound, Detail: "no route matches this request", RequestID: id})
	}
	return rt
}

// edge runs the route's optional checks: rate limit first (cheap, and it
// protects the signature checks), then authentication.
func (g *Gateway) edge(ctx context.Context, w http.ResponseWriter, r *http.Request, rt *route, now time.Time) error {
	if rt.limit != nil {
		if err := rt.limit.check(ctx, w, r); err != nil {
			return err
		}
	}
	if rt.auth != nil {
		return rt.auth.check(ctx, r, now)
	}
	return nil
}

func writeEdgeError(w http.ResponseWriter, err error, id string) {
	status := edgeStatus(err)
	w.Header().Set("X-Request-ID", id)
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
	}
	writeProblem(w, problem{Status: status, Detail: publicMessage(err), RequestID: id})
}

// statusWriter records the status and when headers were written. Unwrap
// lets http.ResponseController reach Flush and Hijack (streams, WebSocket).
type statusWriter struct {
	http.ResponseWriter
	status   int
	headerAt time.Time
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 || (w.status < 200 && code >= 100) {
		if code >= 200 || code == http.StatusSwitchingProtocols {
			w.status, w.headerAt = code, time.Now()
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status, w.headerAt = http.StatusOK, time.Now()
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Flush() {
	if w.status == 0 {
		w.status, w.headerAt = http.StatusOK, time.Now()
	}
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// TargetStatus is one target in the admin status document.
type TargetStatus struct {
	URL         string  `json:"url"`
	Healthy     bool    `json:"healthy"`
	Ejected     bool    `json:"ejected"`
	Outstanding int64   `json:"outstanding"`
	EWMAMillis  float64 `json:"ewma_latency_ms"`
}

// UpstreamStatus is one upstream in the admin status document.
type UpstreamStatus struct {
	Name      string         `json:"name"`
	Balancing string         `json:"balancing"`
	Breaker   string         `json:"breaker"`
	Targets   []TargetStatus `json:"targets"`
}

// Status reports every upstream's health, sorted by name.
func (g *Gateway) Status() []UpstreamStatus {
	st := g.state.Load()
	now := time.Now().UnixNano()
	out := make([]UpstreamStatus, 0, len(st.pools))
	for name, p := range st.pools {
		us := UpstreamStatus{Name: name, Balancing: string(p.cfg.Balancing), Breaker: p.breaker.stateName()}
		for _, t := range p.targets {
			us.Targets = append(us.Targets, TargetStatus{
				URL: t.url.String(), Healthy: t.healthy.Load(), Ejected: t.ejectedUntil.Load() > now,
				Outstanding: t.outstanding.Load(), EWMAMillis: float64(t.ewmaNanos.Load()) / 1e6,
			})
		}
		out = append(out, us)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// AdminHandler serves /healthz, /metrics, /status (JSON of Status) and
// Go's profiles under /debug/pprof/, as `parley serve`'s admin listener
// does: the listener is private, and profiles from real traffic are what
// default.pgo is built from (scripts/pgo-profile.sh).
func (g *Gateway) AdminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(g.metrics.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"upstreams": g.Status()})
	})
	return mux
}
