package gateway

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"net/url"
	"reflect"
	"strings"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/gateway/config"
	"github.com/parleyhq/parley/internal/ratelimit"
)

// state is one configuration generation, swapped atomically on reload.
// Requests hold the state they started with until they finish, so a reload
// never cuts a request or a stream.
type state struct {
	cfg    *config.Config
	routes []*route
	pools  map[string]*pool
	stop   context.CancelFunc // ends this generation's health checks
}

// route is one compiled routes[] entry.
type route struct {
	cfg        *config.Route
	hostExact  string
	hostSuffix string                 // ".example.com" for "*.example.com"
	proxy      *httputil.ReverseProxy // upgrades and other unusual requests
	transport  *routeTransport
	trust      trust
	fail       func(w http.ResponseWriter, req *http.Request, err error)
	pool       *pool
	metrics    routeMetrics
	auth       *authenticator
	limit      *routeLimit
	logger     *slog.Logger
	// native: every target is plain http://, so that ordinary requests
	// may take the fasthttp-native path (native.go).
	native bool
}

// match returns the first route that takes a request for path, method
// and host, nil when none does.
func (st *state) match(path, method, host string) *route {
	for _, c := range st.routes {
		if c.matchParts(path, method, host) {
			return c
		}
	}
	return nil
}

// matchParts is matches given the request's path, method and Host.
func (rt *route) matchParts(path, method, host string) bool {
	if !strings.HasPrefix(path, rt.cfg.PathPrefix) {
		return false
	}
	if len(rt.cfg.Methods) > 0 && !methodIn(method, rt.cfg.Methods) {
		return false
	}
	if rt.hostExact == "" && rt.hostSuffix == "" {
		return true
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.HasSuffix(host, "]") {
		host = host[:i]
	}
	// "admin.example.com." is the same name as a DNS FQDN, and upstreams
	// (virtual hosts, certificates) take it as such.
	host = strings.TrimSuffix(host, ".")
	if rt.hostExact != "" {
		return strings.EqualFold(host, rt.hostExact)
	}
	return len(host) > len(rt.hostSuffix) && strings.EqualFold(host[len(host)-len(rt.hostSuffix):], rt.hostSuffix)
}

func methodIn(m string, ms []string) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}

// build compiles cfg into a state, reusing prev's targets (their health,
// ejections and latency) and breakers where the upstream is unchanged.
func (g *Gateway) build(cfg *config.Config, prev *state) (*state, error) {
	ctx, stop := context.WithCancel(context.Background())
	st := &state{cfg: cfg, pools: map[string]*pool{}, stop: stop}
	for name, u := range cfg.Upstreams {
		st.pools[name] = g.buildPool(name, u, prev)
	}
	resolver, err := ratelimit.NewIPResolver(cfg.TrustedProxies)
	if err != nil {
		stop()
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}
	tr := newTrust(cfg.TrustedProxies)
	prevKeys := map[string]*keySet{} // by JWKS URL
	if prev != nil {
		for _, r := range prev.routes {
			if r.auth != nil {
				prevKeys[r.auth.keys.url] = r.auth.keys
			}
		}
	}
	for _, rc := range cfg.Routes {
		r, err := g.buildRoute(rc, st.pools[rc.Upstream], tr, resolver)
		if err != nil {
			stop()
			return nil, err
		}
		if rc.Auth != nil {
			r.auth = newAuthenticator(rc.Auth, g.healthClient, g.logger,
				g.metrics.jwksRefreshes.MustCurryWith(prometheus.Labels{"route": rc.Name}), prevKeys[rc.Auth.JWKSURL])
		}
		st.routes = append(st.routes, r)
	}
	// The refreshers stop with this generation (stop), like health checks.
	for _, r := range st.routes {
		if r.auth != nil {
			go r.auth.keys.run(ctx)
		}
	}
	for _, p := range st.pools {
		if p.cfg.HealthCheck != nil {
			go healthLoop(ctx, p, g.healthClient, g.metrics, g.logger)
		}
	}
	return st, nil
}

func (g *Gateway) buildPool(name string, u *config.Upstream, prev *state) *pool {
	p := &pool{name: name, cfg: u, metrics: g.metrics.upstream(name)}
	var old *pool
	if prev != nil {
		old = prev.pools[name]
	}
	for _, raw := range u.Targets {
		tu, _ := url.Parse(raw) // validated
		var t *target
		if old != nil {
			for _, ot := range old.targets {
				if ot.url.String() == tu.String() {
					t = ot
				}
			}
		}
		if t == nil {
			t = newTarget(tu)
		}
		p.targets = append(p.targets, t)
	}
	if old != nil && reflect.DeepEqual(old.cfg.Breaker, u.Breaker) && reflect.DeepEqual(old.cfg.Retries, u.Retries) {
		p.breaker, p.budget = old.breaker, old.budget
	} else {
		p.breaker = newBreaker(u.Breaker, p.metrics)
		p.budget = newRetryBudget(u.Retries.BudgetRatio, u.Retries.MinRetries)
	}
	return p
}

func (g *Gateway) buildRoute(rc *config.Route, p *pool, tr trust, resolver *ratelimit.IPResolver) (*route, error) {
	r := &route{cfg: rc, pool: p, metrics: g.metrics.route(rc.Name, rc.Upstream), logger: g.logger, native: true}
	for _, t := range p.targets {
		r.native = r.native && t.url.Scheme == "http"
	}
	if h, ok := strings.CutPrefix(rc.Host, "*"); ok {
		r.hostSuffix = h
	} else {
		r.hostExact = rc.Host
	}
	if rc.RateLimit != nil {
		lim, err := g.limiter(rc.RateLimit)
		if err != nil {
			return nil, fmt.Errorf("route %s: %w", rc.Name, err)
		}
		r.limit = newRouteLimit(rc.Name, rc.RateLimit, lim, resolver, g.logger)
	}
	rt := &routeTransport{pool: p, base: g.h1, timeout: rc.Timeout, attempts: *p.cfg.Retries.Attempts}
	r.transport, r.trust = rt, tr
	r.fail = func(w http.ResponseWriter, req *http.Request, err error) {
		status, detail := proxyStatus(err)
		if req.Context().Err() == nil {
			g.logger.WarnContext(req.Context(), "proxy error", "route", rc.Name, "upstream", p.name, "status", status, "err", err)
		}
		id := req.Header.Get("X-Request-ID")
		w.Header().Set("X-Request-ID", id)
		writeProblem(w, problem{Status: status, Detail: detail, RequestID: id})
	}
	r.proxy = &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL.Scheme, pr.Out.URL.Host = "http", "upstream" // the transport picks the target
			tr.setForwarded(pr)
		},
		Transport: rt,
		// 0 means: flush at once for text/event-stream and for bodies of
		// unknown length (chunked streams), every chunk as it arrives; a body
		// of known length goes through the server's write buffer, which
		// saves a write system call per chunk on ordinary responses.
		FlushInterval: 0,
		BufferPool:    bufferPool{},
		ErrorLog:      slog.NewLogLogger(g.logger.Handler(), slog.LevelDebug),
		ModifyResponse: func(resp *http.Response) error {
			if err := checkAnswerHeader(resp.Header); err != nil {
				return err
			}
			resp.Header.Set("X-Request-ID", resp.Request.Header.Get("X-Request-ID"))
			return nil
		},
		ErrorHandler: r.fail,
	}
	return r, nil
}

// limiter returns the in-process limiter, or a Redis one per URL (clients
// are kept across reloads).
func (g *Gateway) limiter(rl *config.RateLimit) (ratelimit.Limiter, error) {
	if rl.RedisURL == "" {
		return g.memLimiter, nil
	}
	g.redisMu.Lock()
	defer g.redisMu.Unlock()
	c, ok := g.redis[rl.RedisURL]
	if !ok {
		opt, err := redis.ParseURL(rl.RedisURL)
		if err != nil {
			return nil, fmt.Errorf("rate_limit.redis_url: %w", err)
		}
		c = redis.NewClient(opt)
		g.redis[rl.RedisURL] = c
	}
	return ratelimit.NewRedis(c, rl.KeyPrefix), nil
}

// bufferPool recycles the 32 KiB copy buffers of httputil.ReverseProxy.
type bufferPool struct{}

var buffers = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

func (bufferPool) Get() []byte  { return *(buffers.Get().(*[]byte)) }
func (bufferPool) Put(b []byte) { buffers.Put(&b) }
