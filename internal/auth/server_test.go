package auth_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/postgres"
	"github.com/parleyhq/parley/internal/store/sqlite"
	"github.com/parleyhq/parley/internal/testenv"
)

type env struct {
	t      *testing.T
	srv    *auth.Server
	store  auth.Store
	ts     *httptest.Server
	issuer string
	pepper auth.Pepper
	now    time.Time
	mu     sync.Mutex
}

func (e *env) clock() time.Time { e.mu.Lock(); defer e.mu.Unlock(); return e.now }
func (e *env) advance(d time.Duration) {
	e.mu.Lock()
	e.now = e.now.Add(d)
	e.mu.Unlock()
}

// newEnv starts a real HTTP server with the OAuth routes and one protected
// route, on SQLite. The clock is real unless a test advances it. opts
// adjust the server's configuration.
func newEnv(t *testing.T, opts ...func(*auth.Config)) *env {
	t.Helper()
	return newEnvOn(t, openSQLite(t), nil, opts...)
}

// engine opens a fresh, migrated database of one storage engine.
type engine struct {
	name string
	open func(t *testing.T) dial.DB
}

// engines are the storage engines that tests of behaviour resting on the
// store run against. PostgreSQL comes from internal/testenv (a loud skip, or
// a failure under PARLEY_REQUIRE_SERVICES=1, when it is not there).
var engines = []engine{
	{"sqlite", openSQLite},
	{"postgres", func(t *testing.T) dial.DB {
		t.Helper()
		db, err := postgres.Open(context.Background(), testenv.PostgresURL(t), nil)
		if err != nil {
			t.Fatal(err)
		}
		return migrate(t, db)
	}},
}

func openSQLite(t *testing.T) dial.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	return migrate(t, db)
}

func migrate(t *testing.T, db dial.DB) dial.DB {
	t.Helper()
	t.Cleanup(func() { db.Close() })
	if _, err := dial.Up(context.Background(), db, nil); err != nil {
		t.Fatal(err)
	}
	return db
}

// newEnvOn is newEnv over db, whose auth ports wrap decorates when not nil
// (the API-key cache).
func newEnvOn(t *testing.T, db dial.DB, wrap func(auth.Store) auth.Store, opts ...func(*auth.Config)) *env {
	t.Helper()
	ctx := context.Background()
	st, ok := db.(auth.Store)
	if !ok {
		t.Fatalf("%T does not implement auth.Store", db)
	}
	if wrap != nil {
		st = wrap(st)
	}
	e := &env{t: t, store: st, pepper: auth.Pepper(strings.Repeat("p", 32)), now: time.Now()}
	e.ts = httptest.NewUnstartedServer(nil)
	e.issuer = "http://" + e.ts.Listener.Addr().String()
	cfg := auth.Config{Issuer: e.issuer, Pepper: e.pepper}
	for _, o := range opts {
		o(&cfg)
	}
	var err error
	e.srv, err = auth.NewServer(ctx, cfg, st, auth.NewPasswords(cheap, 4), nil, e.clock)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	for pat, h := range e.srv.Routes() {
		mux.Handle(pat, h)
	}
	pol := auth.DefaultPolicy()
	mux.Handle("PUT /v1/profiles/{slug}", e.srv.Require(pol, "PUT /v1/profiles/{slug}",
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, auth.PrincipalFromContext(r.Context()).Subject)
		})))
	e.ts.Config.Handler = e.srv.Authenticate(mux)
	e.ts.Start()
	t.Cleanup(e.ts.Close)
	return e
}

func (e *env) client(scopes string, redirect ...string) (auth.Client, string) {
	e.t.Helper()
	sc, _ := auth.ParseScope(scopes)
	c, secret, err := e.srv.CreateClient(context.Background(), "test", sc, redirect, false)
	if err != nil {
		e.t.Fatal(err)
	}
	return c, secret
}

func (e *env) put(token string) (int, http.Header) {
	req, _ := http.NewRequest("PUT", e.ts.URL+"/v1/profiles/ada", strings.NewReader("{}"))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header
}

func (e *env) post(path string, form url.Values, basicUser, basicPass string) (int, map[string]any) {
	req, _ := http.NewRequest("POST", e.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basicUser != "" {
		req.SetBasicAuth(url.QueryEscape(basicUser), url.QueryEscape(basicPass))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	b, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(b, &body)
	return resp.StatusCode, body
}

func TestClientCredentialsWithIndependentClients(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	c, secret := e.client("profiles:write profiles:read")
	provider, err := oidc.NewProvider(ctx, e.issuer)
	if err != nil {
		t.Fatalf("go-oidc discovery: %v", err)
	}
	verifier := provider.Verifier(&oidc.Config{ClientID: e.issuer, SupportedSigningAlgs: []string{"ES256", "EdDSA"}})
	for _, style := range []oauth2.AuthStyle{oauth2.AuthStyleInHeader, oauth2.AuthStyleInParams} {
		cc := clientcredentials.Config{ClientID: c.ID, ClientSecret: secret, TokenURL: provider.Endpoint().TokenURL,
			Scopes: []string{"profiles:write"}, AuthStyle: style}
		tok, err := cc.Token(ctx)
		if err != nil {
			t.Fatalf("client credentials (style %d): %v", style, err)
		}
		idt, err := verifier.Verify(ctx, tok.AccessToken)
		if err != nil {
			t.Fatalf("go-oidc verification: %v", err)
		}
		if idt.Subject != c.ID || idt.Issuer != e.issuer {
			t.Errorf("verified token: sub %s iss %s", idt.Subject, idt.Issuer)
		}
		if code, _ := e.put(tok.AccessToken); code != 200 {
			t.Errorf("PUT with profiles:write: %d", code)
		}
	}
	// Across a key rotation: the old token still verifies (JWKS overlap) and
	// the new one verifies after go-oidc refetches the JWKS for the new kid.
	cc := clientcredentials.Config{ClientID: c.ID, ClientSecret: secret, TokenURL: e.issuer + "/oauth/token", Scopes: []string{"profiles:read"}}
	before, _ := cc.Token(ctx)
	if err := e.srv.RotateKeys(ctx); err != nil {
		t.Fatal(err)
	}
	after, err := cc.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for name, tok := range map[string]string{"before rotation": before.AccessToken, "after rotation": after.AccessToken} {
		if _, err := verifier.Verify(ctx, tok); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// RFC 6750 §3.1: insufficient scope is 403 with the scope named.
	code, h := e.put(after.AccessToken)
	if code != 403 || !strings.Contains(h.Get("WWW-Authenticate"), `error="insufficient_scope"`) {
		t.Errorf("PUT with profiles:read: %d %q", code, h.Get("WWW-Authenticate"))
	}
	if code, h := e.put(""); code != 401 || !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("PUT without credentials: %d %q", code, h.Get("WWW-Authenticate"))
	}
}

func TestDiscoveryUsesConfiguredIssuer(t *testing.T) {
	e := newEnv(t)
	req, _ := http.NewRequest("GET", e.ts.URL+"/.well-known/openid-configuration", nil)
	req.Host = "evil.example" // RFC 8414 §3.3: the issuer must not come from the request
	req.Header.Set("X-Forwarded-Host", "evil.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var md map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&md)
	for _, k := range []string{"issuer", "token_endpoint", "jwks_uri", "revocation_endpoint", "introspection_endpoint", "authorization_endpoint"} {
		v, _ := md[k].(string)
		if !strings.HasPrefix(v, e.issuer) {
			t.Errorf("%s = %q, want under %s", k, v, e.issuer)
		}
	}
}

// BenchmarkClientCredentialsGrant measures full token-endpoint round trips
// (HTTP, client authentication, signing) on SQLite.
func BenchmarkClientCredentialsGrant(b *testing.B) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "parley.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := dial.Up(ctx, db, nil); err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(nil)
	srv, err := auth.NewServer(ctx, auth.Config{Issuer: "http://" + ts.Listener.Addr().String(), Pepper: auth.Pepper(strings.Repeat("p", 32))},
		db, auth.NewPasswords(cheap, 1), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	for pat, h := range srv.Routes() {
		mux.Handle(pat, h)
	}
	ts.Config.Handler = mux
	ts.Start()
	defer ts.Close()
	c, secret, _ := srv.CreateClient(ctx, "bench", auth.NewScopes("profiles:read"), nil, false)
	body := "grant_type=client_credentials"
	var lat latencies
	b.ResetTimer()
	start, cpu := time.Now(), testenv.CPUTime()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		defer func() { lat.add(mine) }()
		for pb.Next() {
			t0 := time.Now()
			req, _ := http.NewRequest("POST", ts.URL+"/oauth/token", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.SetBasicAuth(c.ID, secret)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			mine = append(mine, time.Since(t0))
			if resp.StatusCode != 200 {
				b.Fatalf("status %d", resp.StatusCode)
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "grants/s")
	// Client and server share the process: the CPU figure covers both.
	testenv.ReportCPU(b, cpu, "grants")
	lat.report(b, time.Millisecond, "ms")
}

// latencies collects per-operation durations from parallel benchmark
// goroutines, to report percentiles next to ns/op (which is a mean).
type latencies struct {
	mu  sync.Mutex
	all []time.Duration
}

func (l *latencies) add(d []time.Duration) {
	l.mu.Lock()
	l.all = append(l.all, d...)
	l.mu.Unlock()
}

// report adds p50 and p99 in unit (e.g. time.Millisecond, "ms").
func (l *latencies) report(b *testing.B, unit time.Duration, name string) {
	if len(l.all) == 0 {
		return
	}
	slices.Sort(l.all)
	at := func(q float64) float64 { return float64(l.all[int(q*float64(len(l.all)-1))]) / float64(unit) }
	b.ReportMetric(at(0.50), "p50-"+name)
	b.ReportMetric(at(0.99), "p99-"+name)
}
