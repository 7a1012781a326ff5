package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parleyhq/parley/docs"
	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/httpapi"
	"github.com/parleyhq/parley/internal/llm"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/ratelimit"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/profilecache"
	"github.com/parleyhq/parley/internal/store/sqlite"
	"github.com/parleyhq/parley/internal/telemetry"
)

// newServer returns an API over a fresh SQLite store holding the JSON
// Resume sample as "hendriks", with no rate limit.
func newServer(t testing.TB) *fixture { return newLimitedServer(t, 0) }

// newLimitedServer is newServer with a per-caller limit of limit a minute.
func newLimitedServer(t testing.TB, limit int) *fixture { return buildServer(t, limit, false) }

// buildServer is newLimitedServer; cached puts the chat service's profile
// reads behind the in-process profile cache and gives it an answer cache,
// as `parley serve` wires them by default.
func buildServer(t testing.TB, limit int, cached bool) *fixture {
	t.Helper()
	return buildServerWith(t, serverOptions{limit: limit, cached: cached})
}

// serverOptions are what a test may change in the fixture.
type serverOptions struct {
	limit     int
	cached    bool
	logger    *slog.Logger  // nil: discarded
	llm       *llm.Answerer // nil: deterministic replies only
	accessLog bool
	audio     http.Handler // the signed audio URLs; nil: not mounted
	cors      []string     // PARLEY_CORS_ORIGINS
	// readTimeout is the server's ReadTimeout (PARLEY_READ_TIMEOUT); 0: none.
	readTimeout time.Duration
}

func buildServerWith(t testing.TB, o serverOptions) *fixture {
	t.Helper()
	limit, cached := o.limit, o.cached
	logger := o.logger
	if logger == nil {
		logger = telemetry.Discard()
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"), telemetry.Discard())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := dial.Up(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	profiles := profile.NewService(db)
	sample, err := os.ReadFile("../profile/testdata/sample.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := profiles.Import(ctx, "hendriks", sample, profile.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	issuer := "http://" + srv.Listener.Addr().String()
	authSrv, err := auth.NewServer(ctx, auth.Config{Issuer: issuer, Pepper: auth.Pepper(strings.Repeat("p", 32))},
		db, auth.NewPasswords(auth.Argon2Params{MemoryKiB: 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}, 2), telemetry.Discard(), nil)
	if err != nil {
		t.Fatal(err)
	}
	ips, _ := ratelimit.NewIPResolver(nil)
	limits := httpapi.Limits{IPs: ips}
	if limit > 0 {
		limits.Limiter = ratelimit.NewMemory(nil)
		limits.Anonymous = ratelimit.Limit{Rate: limit, Burst: limit, Period: time.Minute}
		limits.Authenticated = limits.Anonymous
	}
	var reads store.Store = db
	if cached {
		c, closeCache, err := profilecache.Open(ctx, db, nil, profilecache.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = closeCache() })
		reads = c
	}
	chats := chat.New(reads, sessionstate.NewMemory(), chat.Config{MaxQuestionLen: 1000}, logger)
	if cached {
		chats.WithAnswerCache(cache.NewMemory(16 << 20))
	}
	if o.llm != nil {
		chats.WithLLM(o.llm)
	}
	api := httpapi.New(httpapi.Deps{
		Logger: logger, AccessLog: o.accessLog, Audio: o.audio, Registry: telemetry.NewRegistry(), Profiles: profiles,
		Chat:   chats,
		Checks: []httpapi.Check{httpapi.ReadinessOf("database", db)}, MetricsOnMain: true, OpenAPI: docs.OpenAPI,
		Auth: authSrv, Policy: auth.DefaultPolicy(), Limits: limits, CORSOrigins: o.cors,
	})
	authSrv.OnError = api.WriteError
	srv.Config.Handler = api.Handler()
	srv.Config.ReadTimeout = o.readTimeout
	srv.Start()
	t.Cleanup(srv.Close)
	return &fixture{api: api, srv: srv, auth: authSrv, URL: srv.URL}
}

// fixture is a running API with its authorization server.
type fixture struct {
	api  *httpapi.Server
	srv  *httptest.Server
	auth *auth.Server
	URL  string
}

func do(t *testing.T, method, url, body string, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestEndpoints(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name, method, path string
		status             int
		problem            bool
		contains, absent   []string
	}{
		{name: "healthz", method: "GET", path: "/healthz", status: 200},
		{name: "readyz", method: "GET", path: "/readyz", status: 200, contains: []string{`"database":"ok"`}},
		{name: "metrics", method: "GET", path: "/metrics", status: 200, contains: []string{"# TYPE parley_http_requests_total"}},
		{name: "profile", method: "GET", path: "/v1/profiles/hendriks", status: 200,
			contains: []string{"Pied Piper", "richard.hendriks@mail.com"}, absent: []string{"555-4321", "2712 Broadway"}},
		{name: "unknown profile", method: "GET", path: "/v1/profiles/nobody", status: 404, problem: true},
		{name: "invalid slug", method: "GET", path: "/v1/profiles/NOT..valid", status: 404, problem: true},
		{name: "unknown path", method: "GET", path: "/nope", status: 404, problem: true},
		{name: "wrong method", method: "DELETE", path: "/healthz", status: 405, problem: true},
		{name: "openapi", method: "GET", path: "/openapi.yaml", status: 200, contains: []string{"openapi: 3.1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, tt.method, srv.URL+tt.path, "", nil)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if resp.Header.Get("X-Request-ID") == "" {
				t.Error("no X-Request-ID header")
			}
			if tt.problem {
				if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
					t.Errorf("Content-Type %q, want application/problem+json", ct)
				}
				var p httpapi.Problem
				if err := json.Unmarshal(body, &p); err != nil || p.Status != tt.status || p.Title == "" || p.Type == "" {
					t.Errorf("problem body %s (err %v)", body, err)
				}
			}
			for _, s := range tt.contains {
				if !strings.Contains(string(body), s) {
					t.Errorf("body lacks %q: %.300s", s, body)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(string(body), s) {
					t.Errorf("body shows %q", s)
				}
			}
		})
	}
}

func TestProfileETag(t *testing.T) {
	srv := newServer(t)
	resp, _ := do(t, "GET", srv.URL+"/v1/profiles/hendriks", "", nil)
	etag := resp.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	resp, _ = do(t, "GET", srv.URL+"/v1/profiles/hendriks", "", map[string]string{"If-None-Match": etag})
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("conditional GET: %d, want 304", resp.StatusCode)
	}
}

func TestMetricsUseRouteTemplates(t *testing.T) {
	srv := newServer(t)
	do(t, "GET", srv.URL+"/v1/profiles/hendriks", "", nil)
	do(t, "GET", srv.URL+"/v1/profiles/someone-else", "", nil)
	_, body := do(t, "GET", srv.URL+"/metrics", "", nil)
	if !strings.Contains(string(body), `route="GET /v1/profiles/{slug}"`) {
		t.Error("metrics lack the route template label")
	}
	if strings.Contains(string(body), "someone-else") || strings.Contains(string(body), `hendriks"`) {
		t.Error("metrics are labelled by raw path")
	}
}

// TestMetricsLabelUnroutedRequests: requests no route takes (answered
// through the mux's catch-all) are counted as "unmatched", never under the
// catch-all's pattern, and with the status they got.
func TestMetricsLabelUnroutedRequests(t *testing.T) {
	srv := newServer(t)
	do(t, "GET", srv.URL+"/nowhere", "", nil)
	do(t, "DELETE", srv.URL+"/v1/sessions", "", nil)
	do(t, "GET", srv.URL+"/v1//profiles", "", nil)
	_, body := do(t, "GET", srv.URL+"/metrics", "", nil)
	for _, want := range []string{
		// The redirect of the unclean path is followed to /v1/profiles.
		`parley_http_requests_total{code="404",method="GET",route="unmatched"} 2`,
		`parley_http_requests_total{code="405",method="DELETE",route="unmatched"} 1`,
		`parley_http_requests_total{code="307",method="GET",route="unmatched"} 1`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(string(body), `route="/"`) {
		t.Error(`metrics label an unrouted request with the catch-all's pattern "/"`)
	}
}

func TestRequestIDIsKeptOrReplaced(t *testing.T) {
	srv := newServer(t)
	resp, _ := do(t, "GET", srv.URL+"/healthz", "", map[string]string{"X-Request-ID": "abc-123"})
	if got := resp.Header.Get("X-Request-ID"); got != "abc-123" {
		t.Errorf("request ID %q, want the caller's abc-123", got)
	}
	resp, _ = do(t, "GET", srv.URL+"/healthz", "", map[string]string{"X-Request-ID": "forged id=1 level=ERROR"})
	if got := resp.Header.Get("X-Request-ID"); got == "" || strings.Contains(got, " ") {
		t.Errorf("unsafe request ID kept: %q", got)
	}
}

// TestEveryRouteIsDocumented keeps docs/openapi.yaml in step with the mux.
func TestEveryRouteIsDocumented(t *testing.T) {
	api := newServer(t).api
	var doc struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(docs.OpenAPI, &doc); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	for _, r := range api.Routes() {
		ops, ok := doc.Paths[strings.ReplaceAll(r.Pattern, "...}", "}")]
		if !ok {
			t.Errorf("route %s %s is not in docs/openapi.yaml", r.Method, r.Pattern)
			continue
		}
		if _, ok := ops[strings.ToLower(r.Method)]; !ok {
			t.Errorf("route %s %s: method not documented", r.Method, r.Pattern)
		}
	}
}

// TestProfileSizeIsDeclared: a profile is sent with its Content-Length,
// never chunked, and HEAD declares the length GET sends, with no body.
func TestProfileSizeIsDeclared(t *testing.T) {
	srv := newServer(t)
	get, body := do(t, "GET", srv.URL+"/v1/profiles/hendriks", "", nil)
	if len(body) <= 2048 {
		t.Fatalf("the sample profile is %d bytes: too small for net/http to chunk it, so it tests nothing", len(body))
	}
	if get.ContentLength != int64(len(body)) || len(get.TransferEncoding) != 0 {
		t.Errorf("GET: Content-Length %d, Transfer-Encoding %v, body %d bytes", get.ContentLength, get.TransferEncoding, len(body))
	}
	head, hbody := do(t, "HEAD", srv.URL+"/v1/profiles/hendriks", "", nil)
	if head.StatusCode != http.StatusOK || head.Header.Get("Content-Length") != strconv.Itoa(len(body)) || len(hbody) != 0 {
		t.Errorf("HEAD: %d Content-Length %q (GET sent %d bytes), body %d bytes", head.StatusCode, head.Header.Get("Content-Length"), len(body), len(hbody))
	}
	if head.Header.Get("ETag") != get.Header.Get("ETag") || head.Header.Get("Content-Type") != get.Header.Get("Content-Type") {
		t.Errorf("HEAD fields differ from GET's: %v vs %v", head.Header, get.Header)
	}
}
