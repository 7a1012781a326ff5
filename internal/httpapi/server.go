// Package httpapi is Parley's HTTP API: every route registered in one
// function, handlers as methods holding their dependencies, middleware for
// request IDs, recovery, access logs, metrics and security headers, and RFC
// 9457 problem+json for every error.
package httpapi

import (
	"context"
	"log/slog"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/voice/stream"
	"github.com/parleyhq/parley/internal/voice/turn"
)

// Check is a named readiness check (the database, Redis, ...). An
// optional check's failure is reported but leaves the server ready (voice
// down does not stop the text path).
type Check struct {
	Name     string
	Func     func(ctx context.Context) error
	Optional bool
}

// Deps are what the API needs; main builds them.
type Deps struct {
	Logger   *slog.Logger
	Registry *prometheus.Registry
	Profiles *profile.Service
	Chat     *chat.Service
	Checks   []Check
	// MetricsOnMain serves /metrics on this handler (false when an admin
	// listener serves it instead).
	MetricsOnMain bool
	AccessLog     bool
	CORSOrigins   []string
	MaxBodyBytes  int64
	OpenAPI       []byte
	// Auth authenticates bearer credentials and serves the OAuth endpoints;
	// Policy says what each route requires. Nil Auth: every route anonymous.
	Auth   *auth.Server
	Policy auth.Policy
	Limits Limits
	// Voice plays voice turns; nil answers 503 with VoiceDown as the reason.
	Voice     *turn.Service
	VoiceDown string
	// VoiceStreamsPerClient and VoiceStreams cap the voice WebSockets open
	// at once per caller (the rate limiter's key) and in all; 0: no cap.
	VoiceStreamsPerClient, VoiceStreams int
	// Audio serves the signed URLs of stored replies (local blob store).
	Audio http.Handler
	// CacheStats reports sizes and hit ratios of every cache (admin only).
	CacheStats func() any
}

// Server is the API's handler set.
type Server struct {
	logger        *slog.Logger
	registry      *prometheus.Registry
	profiles      *profile.Service
	chat          *chat.Service
	checks        []Check
	metrics       *httpMetrics
	metricsOnMain bool
	accessLog     bool
	corsOrigins   []string
	maxBody       int64
	openapi       []byte
	auth          *auth.Server
	policy        auth.Policy
	limits        Limits
	voice         *turn.Service
	voiceDown     string
	voiceSlots    *stream.Slots // nil: streams uncapped
	audio         http.Handler
	cacheStats    func() any
	mux           *http.ServeMux // the routes and, under "/", unrouted (see dispatch)
	routed        *http.ServeMux // the routes alone: what ServeMux answers a request none takes
	routes        []Route
	turnRoute     http.Handler // turnPattern's handler, which dispatch calls without the mux (turnroute.go)
	// open are the paths of public routes, served without looking at
	// Authorization (see public).
	open map[string]bool
	// streams ends when the server shuts down: WebSocket connections are
	// hijacked, so http.Server.Shutdown neither waits for nor ends them.
	streams      context.Context
	closeStreams context.CancelFunc
}

// Route is one registered endpoint, listed for documentation checks.
type Route struct {
	Method  string
	Pattern string // ServeMux path pattern, e.g. /v1/profiles/{slug}
}

// New returns the API server with every route registered.
func New(d Deps) *Server {
	s := &Server{
		logger: d.Logger, registry: d.Registry, profiles: d.Profiles, chat: d.Chat, checks: d.Checks,
		metricsOnMain: d.MetricsOnMain, accessLog: d.AccessLog, corsOrigins: d.CORSOrigins,
		maxBody: d.MaxBodyBytes, openapi: d.OpenAPI, mux: http.NewServeMux(), routed: http.NewServeMux(),
		auth: d.Auth, policy: d.Policy, limits: d.Limits,
		voice: d.Voice, voiceDown: d.VoiceDown, audio: d.Audio, cacheStats: d.CacheStats,
	}
	if s.maxBody == 0 {
		s.maxBody = 1 << 20
	}
	s.mux.HandleFunc(unroutedPattern, s.unrouted)
	s.streams, s.closeStreams = context.WithCancel(context.Background())
	s.metrics = newHTTPMetrics(d.Registry)
	if d.VoiceStreamsPerClient > 0 || d.VoiceStreams > 0 {
		per, total := d.VoiceStreamsPerClient, d.VoiceStreams
		if per <= 0 {
			per = math.MaxInt
		}
		if total <= 0 {
			total = math.MaxInt
		}
		s.voiceSlots = stream.NewSlots(per, total, 0)
		if d.Registry != nil {
			d.Registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
				Name: "parley_voice_streams_open", Help: "Voice WebSocket streams open on this process.",
			}, func() float64 { return float64(s.voiceSlots.Open()) }))
		}
	}
	s.registerRoutes()
	return s
}

// registerRoutes is the one place where routes are declared.
func (s *Server) registerRoutes() {
	// Operations: never rate limited, always anonymous.
	s.public("GET /healthz", http.HandlerFunc(s.healthz))
	s.public("GET /readyz", http.HandlerFunc(s.readyz))
	if s.metricsOnMain {
		s.public("GET /metrics", MetricsHandler(s.registry))
	}
	s.public("GET /openapi.yaml", http.HandlerFunc(s.openAPI))

	s.handle("GET /v1/profiles/{slug}", s.getProfile)
	s.handle("PUT /v1/profiles/{slug}", s.putProfile)
	s.handle("POST /v1/sessions", s.openSession)
	s.handle(turnPattern, s.postMessage, "text/event-stream")
	s.handle("GET /v1/sessions/{id}/messages", s.listMessages)
	s.handle("POST /v1/sessions/{id}/voice", s.postVoice)
	// A WebSocket handshake's Accept is not about the messages that follow.
	s.guard("GET /v1/sessions/{id}/voice/stream", http.HandlerFunc(s.streamVoice))
	s.handle("GET /v1/admin/caches", s.getCacheStats)
	if s.audio != nil {
		if e, ok := s.audio.(errorWriterSetter); ok {
			e.SetErrorWriter(s.WriteError)
		}
		// The signature in the URL is the credential: no policy entry.
		s.register("GET /v1/audio/{key...}", s.limit(s.audio))
	}
	if s.auth != nil {
		for pattern, h := range s.auth.Routes() {
			s.guard(pattern, h)
		}
	}
}

// errorWriterSetter is a handler mounted here from another package (the
// audio URLs) that can answer its errors through the API's writer.
type errorWriterSetter interface {
	SetErrorWriter(func(http.ResponseWriter, *http.Request, error))
}

// handle registers an API route behind its policy entry and the caller's
// rate limit. Its answers are JSON (and server-sent events where accepts
// says so), so a client that accepts neither is told 406 before any work.
func (s *Server) handle(pattern string, h http.HandlerFunc, accepts ...string) {
	s.guard(pattern, negotiate(append(accepts, "application/json", "application/problem+json"), h))
}

// negotiate answers 406 when the Accept header names media ranges and none
// of them (with q above 0) covers one of types. No Accept header, or one we
// cannot parse at all, accepts anything (RFC 9110 §12.5.1).
func negotiate(types []string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if accept := headerValue(r.Header, "Accept"); accept != "" && !acceptsAny(accept, types) {
			writeProblem(w, r, Problem{Type: problemType(apperr.NotAcceptable), Title: http.StatusText(http.StatusNotAcceptable),
				Status: http.StatusNotAcceptable, Detail: "Accept " + strconv.Quote(accept) + ": this endpoint answers " + strings.Join(types[:len(types)-1], " or ")})
			return
		}
		h.ServeHTTP(w, r)
	})
}

func acceptsAny(accept string, types []string) bool {
	if !strings.ContainsRune(accept, ';') {
		// No parameters, so no q=0: what browsers and HTTP libraries send
		// ("*/*", "application/json, text/plain, */*") is settled without
		// ParseMediaType's map per range.
		if strings.Contains(accept, "*/*") {
			return true
		}
		for _, t := range types {
			if strings.Contains(accept, t) {
				return true
			}
		}
	}
	parsed := false
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		parsed = true
		if q, err := strconv.ParseFloat(params["q"], 64); err == nil && q <= 0 {
			continue
		}
		for _, t := range types {
			if mt == "*/*" || mt == t || (strings.HasSuffix(mt, "/*") && strings.HasPrefix(t, mt[:len(mt)-1])) {
				return true
			}
		}
	}
	return !parsed
}

func (s *Server) guard(pattern string, h http.Handler) {
	if _, path, _ := cutPattern(pattern); strings.HasPrefix(path, "/v1/") {
		h = identityBody(h)
	}
	h = s.limit(h)
	if s.auth != nil {
		h = s.auth.Require(s.policy, pattern, h)
	}
	s.register(pattern, h)
}

// public registers an operations route that ignores Authorization: a
// probe or a Prometheus scrape configured with a token that has since gone
// stale must still see the process, not a 401 (the admin listener, which
// has no auth at all, answers /metrics the same way).
func (s *Server) public(pattern string, h http.Handler) {
	_, path, _ := cutPattern(pattern)
	if s.open == nil {
		s.open = make(map[string]bool)
	}
	s.open[path] = true
	s.register(pattern, h)
}

func (s *Server) register(pattern string, h http.Handler) {
	if pattern == turnPattern {
		s.turnRoute = h
	}
	s.mux.Handle(pattern, h)
	s.routed.Handle(pattern, h)
	method, path, _ := cutPattern(pattern)
	s.routes = append(s.routes, Route{Method: method, Pattern: path})
}

func cutPattern(p string) (method, path string, ok bool) {
	for i := 0; i < len(p); i++ {
		if p[i] == ' ' {
			return p[:i], p[i+1:], true
		}
	}
	return "", p, false
}

// Routes lists every registered route.
func (s *Server) Routes() []Route { return append([]Route(nil), s.routes...) }

// Handler returns the API with its middleware.
func (s *Server) Handler() http.Handler {
	var h http.Handler = http.HandlerFunc(s.dispatch)
	if s.auth != nil {
		plain, authed := h, s.auth.Authenticate(h)
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if s.open[r.URL.Path] {
				plain.ServeHTTP(w, r)
				return
			}
			authed.ServeHTTP(w, r)
		})
	}
	return s.observe(s.secure(s.limitHead(h)))
}

// dispatch routes through the mux, answering unknown paths and wrong
// methods with problem+json instead of ServeMux's plain text.
//
// The mux matches a request once: a route's handler takes it, or the
// catch-all "/" (less specific than every route, so it takes only what no
// route does) hands it to unrouted. Asking mux.Handler first and then
// serving matched every turn twice (~4.5k instructions and the path
// values allocated twice).
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request) {
	if r.Method == "PRI" && r.ProtoMajor == 2 {
		// HTTP/2's connection preface on this HTTP/1 port (a client with
		// prior knowledge): net/http hands it over for an HTTP/2 server
		// that is not there. 505, as for any HTTP/2.0 request line.
		w.Header().Set("Connection", "close")
		writeProblem(w, r, Problem{Type: "about:blank", Title: http.StatusText(http.StatusHTTPVersionNotSupported),
			Status: http.StatusHTTPVersionNotSupported, Detail: "this port speaks HTTP/1.1 (the connection opened with HTTP/2's preface)"})
		return
	}
	if !strings.HasPrefix(r.URL.Path, "/") {
		// "GET *" and the like: ServeMux would redirect to "/*".
		writeProblem(w, r, Problem{Type: problemType(apperr.Malformed), Title: http.StatusText(http.StatusBadRequest),
			Status: http.StatusBadRequest, Detail: "the request target must be a path starting with /"})
		return
	}
	if uncleanPath(r.URL.Path) {
		s.unrouted(w, r)
		return
	}
	if sw, ok := w.(*statusWriter); ok {
		// observe's request is not this one when auth put a principal
		// in the context, so it cannot read r.Pattern afterwards; set
		// in a defer, the route also labels a handler's panic.
		defer func() {
			if r.Pattern != unroutedPattern {
				sw.route = r.Pattern
			}
		}()
	}
	if s.serveTurn(w, r) {
		return
	}
	s.mux.ServeHTTP(w, r)
}

// unroutedPattern is the catch-all under which s.mux hands unrouted what
// no route takes.
const unroutedPattern = "/"

// unrouted answers a request that no route takes (or whose path is not
// clean) as ServeMux would without the catch-all, in problem+json: 404,
// 405 with Allow, 204 to OPTIONS, or a redirect.
func (s *Server) unrouted(w http.ResponseWriter, r *http.Request) {
	r.Pattern = "" // the catch-all's, set by the mux: no route matched
	h, _ := s.routed.Handler(r)
	rec := &headerRecorder{header: http.Header{}}
	h.ServeHTTP(rec, r)
	allow := rec.header.Get("Allow")
	if allow != "" {
		// Every known path answers OPTIONS (below), so Allow names it.
		allow += ", OPTIONS"
		w.Header().Set("Allow", allow)
	}
	status := rec.status
	if status == http.StatusMethodNotAllowed && r.Method == http.MethodOptions {
		// A plain OPTIONS (RFC 9110 §9.3.7) on a known path: the methods
		// it takes. CORS preflights from allowed origins are answered
		// earlier, in secure.
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if status == 0 || status == http.StatusOK {
		status = http.StatusNotFound
	}
	if status == http.StatusMovedPermanently || status == http.StatusTemporaryRedirect || status == http.StatusPermanentRedirect {
		w.Header().Set("Location", rec.header.Get("Location"))
		w.WriteHeader(status)
		return
	}
	path := shortPath(r.URL.Path)
	detail := "no such endpoint: " + r.Method + " " + path
	switch status {
	case http.StatusBadRequest:
		detail = "malformed request path: " + path
	case http.StatusMethodNotAllowed:
		detail = "method " + r.Method + " is not allowed on " + path + "; allowed: " + allow
	}
	if s.auth != nil && s.auth.WriteRouteError(w, r, status, detail) {
		return
	}
	writeProblem(w, r, Problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail})
}

// maxDetailPath is the most of a request path a routing error repeats.
const maxDetailPath = 512

// shortPath is p for a message, cut after maxDetailPath bytes at a
// character boundary with its full length said: a 404 must not hand back
// a 60,000-byte path.
func shortPath(p string) string {
	if len(p) <= maxDetailPath {
		return p
	}
	n := maxDetailPath
	for n > 0 && !utf8.RuneStart(p[n]) {
		n--
	}
	return p[:n] + "… (" + strconv.Itoa(len(p)) + " bytes)"
}

// uncleanPath reports whether ServeMux would redirect p to its clean form
// (double slashes, dot segments): the redirect is answered below, without
// ServeMux's HTML body.
func uncleanPath(p string) bool {
	return strings.Contains(p, "//") || strings.Contains(p, "/./") || strings.Contains(p, "/../") ||
		strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")
}

// headerRecorder captures what ServeMux's fallback handler would answer.
type headerRecorder struct {
	header http.Header
	status int
}

func (h *headerRecorder) Header() http.Header         { return h.header }
func (h *headerRecorder) Write(b []byte) (int, error) { return len(b), nil }
func (h *headerRecorder) WriteHeader(code int)        { h.status = code }

// MetricsHandler serves reg in the Prometheus text format.
func MetricsHandler(reg *prometheus.Registry) http.Handler {
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	results := map[string]string{}
	ready := true
	for _, c := range s.checks {
		if err := c.Func(ctx); err != nil {
			results[c.Name] = err.Error()
			if !c.Optional {
				ready = false
			}
			continue
		}
		results[c.Name] = "ok"
	}
	status := http.StatusOK
	if !ready {
		status = http.StatusServiceUnavailable
	}
	writeJSON(w, status, map[string]any{"ready": ready, "checks": results})
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/yaml")
	_, _ = w.Write(s.openapi)
}

// ReadinessOf returns a Check that pings a store.
func ReadinessOf(name string, st store.Store) Check {
	return Check{Name: name, Func: st.Ping}
}

func (s *Server) getCacheStats(w http.ResponseWriter, r *http.Request) {
	var stats any = []any{}
	if s.cacheStats != nil {
		stats = s.cacheStats()
	}
	writeJSON(w, http.StatusOK, map[string]any{"caches": stats})
}
