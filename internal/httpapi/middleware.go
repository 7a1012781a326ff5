package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/apperr"
)

type ctxKey int

const requestIDKey ctxKey = iota

// RequestIDFrom returns the request ID stored in ctx, or "".
func RequestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// NewContextWithRequestID returns ctx carrying id.
func NewContextWithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey, id)
}

// validRequestID accepts a caller's ID only when it is short and printable,
// so that log lines cannot be forged through it.
func validRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, c := range id {
		if c < 0x21 || c > 0x7e {
			return false
		}
	}
	return true
}

// headerValue is h.Get(key) for a key in canonical form, the form net/http
// stores request headers under: Get canonicalises its key on every call
// (and allocated a new string for "X-Request-ID", which is not canonical).
// TestHeaderValueKeysAreCanonical checks every key passed here.
func headerValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func newRequestID() string {
	var b [12]byte
	var out [24]byte
	_, _ = rand.Read(b[:])
	hex.Encode(out[:], b[:])
	return string(out[:])
}

// statusWriter records the status and size written, and keeps Flush and
// Unwrap working for streaming responses.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
	route  string // the matched pattern, set by dispatch
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// httpMetrics are the RED metrics, labelled by route template, never by raw path.
type httpMetrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inflight prometheus.Gauge
	cache    seriesCache
}

func newHTTPMetrics(reg prometheus.Registerer) *httpMetrics {
	m := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_http_requests_total", Help: "HTTP requests by route template, method and status code.",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parley_http_request_duration_seconds", Help: "HTTP request latency by route template.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "parley_http_requests_in_flight", Help: "HTTP requests being served.",
		}),
	}
	if reg != nil {
		reg.MustRegister(m.requests, m.duration, m.inflight)
	}
	return m
}

// observe wraps the whole chain: request ID, panic recovery, access log and
// metrics. The route label is the ServeMux pattern that matched.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := headerValue(r.Header, "X-Request-Id")
		if !validRequestID(id) {
			id = newRequestID()
		}
		// Written in canonical form ("X-Request-ID" is not), so no key is
		// canonicalised per request.
		w.Header()["X-Request-Id"] = []string{id}
		r = r.WithContext(NewContextWithRequestID(r.Context(), id))
		sw := &statusWriter{ResponseWriter: w}
		s.metrics.inflight.Inc()
		defer func() {
			s.metrics.inflight.Dec()
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				err := apperr.Wrap(apperr.Internal, fmt.Errorf("panic: %v\n%s", v, debug.Stack()), "internal error")
				if sw.status == 0 {
					writeError(sw, r, s.logger, err)
				} else {
					s.logger.Error("panic after response started", "err", err, "request_id", id)
				}
			}
			route := r.Pattern
			if route == "" {
				route = sw.route
			}
			if route == "" {
				route = "unmatched"
			}
			status := sw.status
			if status == 0 {
				status = http.StatusOK
			}
			elapsed := time.Since(start)
			series := s.metrics.series(route, r.Method, status)
			series.requests.Inc()
			series.duration.Observe(elapsed.Seconds())
			if s.accessLog {
				s.logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
					slog.String("request_id", id), slog.String("method", r.Method),
					slog.String("route", route), slog.String("path", shortPath(r.URL.Path)),
					slog.Int("status", status), slog.Int64("bytes", sw.bytes),
					slog.Duration("duration", elapsed), slog.String("remote", r.RemoteAddr))
			}
		}()
		next.ServeHTTP(sw, r)
	})
}

// securityHeaders go on every response. Cache-Control is no-store unless
// the handler says otherwise (a public profile may be cached; a
// conversation, its history, an API key list or an error may not: with no
// Cache-Control, a shared cache may store a 200 to a GET heuristically,
// RFC 9111 §4.2.2). Keys are in canonical form and
// the value slices are shared by every response's header map, as
// jsonContentType is: net/http only reads them, and an Add to one of them
// copies (each has cap 1). Set would canonicalise each key and allocate
// each value on every request.
var securityHeaders = [...]struct {
	key   string
	value []string
}{
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"Referrer-Policy", []string{"no-referrer"}},
	{"X-Frame-Options", []string{"DENY"}},
	{"Content-Security-Policy", []string{"default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"}},
	{"Cache-Control", []string{"no-store"}},
}

// corsExpose are the response fields a page on an allowed origin may read
// besides the CORS-safelisted ones: the rate limit's (to back off before a
// 429), Retry-After, the request id (to quote in a bug report), ETag (to
// revalidate a profile) and Location.
var corsExpose = []string{"Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, X-Request-Id, ETag, Location"}

var hstsValue = []string{"max-age=63072000; includeSubDomains"}

// statusLabels are the code labels of the statuses this API answers, so
// that labelling a request allocates no string.
var statusLabels = func() map[int]string {
	m := map[int]string{}
	for code := 100; code < 600; code++ {
		if http.StatusText(code) != "" {
			m[code] = strconv.Itoa(code)
		}
	}
	return m
}()

func statusLabel(code int) string {
	if l, ok := statusLabels[code]; ok {
		return l
	}
	return strconv.Itoa(code)
}

// secure sets security headers and answers CORS for allowed origins.
func (s *Server) secure(next http.Handler) http.Handler {
	allowed := map[string]bool{}
	for _, o := range s.corsOrigins {
		allowed[o] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, c := range securityHeaders {
			h[c.key] = c.value
		}
		if r.TLS != nil {
			h["Strict-Transport-Security"] = hstsValue
		}
		if len(allowed) > 0 {
			// The CORS fields depend on Origin, allowed or not: a
			// shared cache must not hand one origin's answer to another.
			h["Vary"] = varyOrigin
		}
		if origin := headerValue(r.Header, "Origin"); origin != "" && (allowed[origin] || allowed["*"]) {
			h.Set("Access-Control-Allow-Origin", origin)
			h["Access-Control-Expose-Headers"] = corsExpose
			if r.Method == http.MethodOptions && headerValue(r.Header, "Access-Control-Request-Method") != "" {
				preflight(w, r)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

var varyOrigin = []string{"Origin"}

// corsAllowHeaders are the request fields a preflight without
// Access-Control-Request-Headers is told it may send.
var corsAllowHeaders = []string{"Authorization, Content-Type, Accept, X-Request-ID"}

// preflight answers a CORS preflight from an allowed origin: the methods,
// and the request fields it asked for when each is a field name (a page
// may send its own, a tracing header say; the API ignores what it does not
// know). A list that names no field (a quote, a space inside a name) is
// refused with 400. The answer varies with the request's Origin and both
// Access-Control-Request fields, so a cache keys on all three.
func preflight(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h["Vary"] = preflightVary
	allow := corsAllowHeaders
	if asked := strings.Join(r.Header.Values("Access-Control-Request-Headers"), ","); strings.TrimSpace(asked) != "" {
		names, ok := fieldNames(asked)
		if !ok {
			writeProblem(w, r, Problem{Type: problemType(apperr.Malformed), Title: http.StatusText(http.StatusBadRequest),
				Status: http.StatusBadRequest, Detail: "Access-Control-Request-Headers " + apperr.Quote(asked) + ": not a list of header field names"})
			return
		}
		allow = []string{names}
	}
	h["Access-Control-Allow-Methods"] = corsAllowMethods
	h["Access-Control-Allow-Headers"] = allow
	h["Access-Control-Max-Age"] = corsMaxAge
	w.WriteHeader(http.StatusNoContent)
}

var (
	preflightVary    = []string{"Origin, Access-Control-Request-Method, Access-Control-Request-Headers"}
	corsAllowMethods = []string{"GET, POST, PUT, DELETE, OPTIONS"}
	corsMaxAge       = []string{"600"}
)

// fieldNames reads a comma-separated list of field names (RFC 9110 §5.1:
// each a token), empty elements skipped as §5.6.1 allows, and returns it
// lower-cased, as browsers send it, joined by ", ".
func fieldNames(list string) (string, bool) {
	var b strings.Builder
	for _, name := range strings.Split(list, ",") {
		name = strings.Trim(name, " \t")
		if name == "" {
			continue
		}
		for i := 0; i < len(name); i++ {
			if !isTokenChar(name[i]) {
				return "", false
			}
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strings.ToLower(name))
	}
	return b.String(), b.Len() > 0
}

// isTokenChar reports whether c is an RFC 9110 §5.6.2 tchar.
func isTokenChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
