package gateway_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/parleyhq/parley/internal/testenv"
)

// issuer is a fake Parley identity server: a JWKS endpoint that counts fetches.
type issuer struct {
	mu      sync.Mutex
	keys    map[string]*ecdsa.PrivateKey
	public  []jose.JSONWebKey
	fetches atomic.Int64
	srv     *httptest.Server
}

func newIssuer(t testing.TB) *issuer {
	is := &issuer{keys: map[string]*ecdsa.PrivateKey{}}
	is.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		is.fetches.Add(1)
		is.mu.Lock()
		defer is.mu.Unlock()
		_ = json.NewEncoder(w).Encode(jose.JSONWebKeySet{Keys: is.public})
	}))
	t.Cleanup(is.srv.Close)
	return is
}

// addKey creates a key; published controls whether the JWKS lists it.
func (is *issuer) addKey(t testing.TB, kid string, published bool) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	is.mu.Lock()
	defer is.mu.Unlock()
	is.keys[kid] = k
	if published {
		is.public = append(is.public, jose.JSONWebKey{Key: &k.PublicKey, KeyID: kid, Algorithm: "ES256", Use: "sig"})
	}
}

// withdraw stops publishing kid; tokens can still be signed with it.
func (is *issuer) withdraw(kid string) {
	is.mu.Lock()
	defer is.mu.Unlock()
	for i, k := range is.public {
		if k.KeyID == kid {
			is.public = append(is.public[:i], is.public[i+1:]...)
			return
		}
	}
}

func (is *issuer) token(t testing.TB, kid, iss string, exp time.Time) string {
	is.mu.Lock()
	k := is.keys[kid]
	is.mu.Unlock()
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: jose.JSONWebKey{Key: k, KeyID: kid}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := jwt.Signed(sig).Claims(jwt.Claims{Issuer: iss, Subject: "u1", Audience: jwt.Audience{"parley"},
		Expiry: jwt.NewNumericDate(exp), IssuedAt: jwt.NewNumericDate(time.Now())}).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func status(t *testing.T, url, authz string) (int, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if authz != "" {
		req.Header.Set("Authorization", authz)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header
}

func TestJWTValidation(t *testing.T) {
	is := newIssuer(t)
	is.addKey(t, "k1", true)
	is.addKey(t, "rogue", false)
	b := newBackend(t, "a", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(r.Header.Get("Authorization")))
	})
	auth := fmt.Sprintf("auth: {jwks_url: %q, issuer: https://id.test, audience: parley, allow_api_keys: true, refresh_min_interval: 1h}", is.srv.URL)
	_, base := startGateway(t, poolConfig(urls(b), "", auth))
	good := is.token(t, "k1", "https://id.test", time.Now().Add(time.Hour))
	tests := []struct {
		name, authz string
		want        int
	}{
		{"none", "", 401},
		{"valid", "Bearer " + good, 200},
		{"valid again (cached)", "bearer " + good, 200},
		{"expired", "Bearer " + is.token(t, "k1", "https://id.test", time.Now().Add(-time.Hour)), 401},
		{"wrong issuer", "Bearer " + is.token(t, "k1", "https://evil.test", time.Now().Add(time.Hour)), 401},
		{"unpublished kid", "Bearer " + is.token(t, "rogue", "https://id.test", time.Now().Add(time.Hour)), 401},
		{"tampered", "Bearer " + good[:len(good)-4] + "AAAA", 401},
		{"garbage jwt", "Bearer a.b.c", 401},
		{"api key passes through", "Bearer pk_live_opaque", 200},
		{"basic auth", "Basic dTpw", 401},
	}
	for _, tt := range tests {
		got, h := status(t, base+"/", tt.authz)
		if got != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, got, tt.want)
		}
		if got == 401 && h.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: 401 without WWW-Authenticate", tt.name)
		}
	}
	// One fetch at first use; the unknown kid may not trigger another
	// within refresh_min_interval.
	if n := is.fetches.Load(); n != 1 {
		t.Errorf("JWKS fetched %d times, want 1", n)
	}
}

func TestJWKSRefreshOnRotatedKey(t *testing.T) {
	is := newIssuer(t)
	is.addKey(t, "k1", true)
	b := newBackend(t, "a", nil)
	auth := fmt.Sprintf("auth: {jwks_url: %q, refresh_min_interval: 1ms}", is.srv.URL)
	_, base := startGateway(t, poolConfig(urls(b), "", auth))
	if got, _ := status(t, base+"/", "Bearer "+is.token(t, "k1", "", time.Now().Add(time.Hour))); got != 200 {
		t.Fatalf("k1: %d", got)
	}
	is.addKey(t, "k2", true) // rotation: the gateway has not seen k2
	time.Sleep(5 * time.Millisecond)
	if got, _ := status(t, base+"/", "Bearer "+is.token(t, "k2", "", time.Now().Add(time.Hour))); got != 200 {
		t.Errorf("k2 after rotation: %d", got)
	}
	if got, _ := status(t, base+"/", "Bearer opaque-key"); got != 401 {
		t.Errorf("API key without allow_api_keys: %d", got)
	}
}

// TestJWKSWithdrawnKeyRefused: a token verified (and cached) before its key
// left the JWKS is refused once the periodic refresh has seen the change,
// while a token of the remaining key is still accepted.
func TestJWKSWithdrawnKeyRefused(t *testing.T) {
	is := newIssuer(t)
	is.addKey(t, "k1", true)
	is.addKey(t, "k2", true)
	b := newBackend(t, "a", nil)
	auth := fmt.Sprintf("auth: {jwks_url: %q, refresh_interval: 1s, refresh_min_interval: 1h}", is.srv.URL)
	_, base := startGateway(t, poolConfig(urls(b), "", auth))
	k1 := "Bearer " + is.token(t, "k1", "", time.Now().Add(time.Hour))
	k2 := "Bearer " + is.token(t, "k2", "", time.Now().Add(time.Hour))
	for _, authz := range []string{k1, k2} {
		if got, _ := status(t, base+"/", authz); got != 200 {
			t.Fatalf("before withdrawal: %d", got)
		}
	}
	is.withdraw("k1")
	deadline := time.Now().Add(15 * time.Second) // bounds a failing test only
	for {
		got, _ := status(t, base+"/", k1)
		if got == 401 {
			break
		}
		if got != 200 || time.Now().After(deadline) {
			t.Fatalf("withdrawn key: status %d, want 401 after a refresh", got)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got, _ := status(t, base+"/", k2); got != 200 {
		t.Errorf("remaining key after the refresh: %d", got)
	}
}

// TestJWKSKeptAcrossReload: a reload reuses the keys fetched for the same
// JWKS URL instead of fetching them again on the next request.
func TestJWKSKeptAcrossReload(t *testing.T) {
	is := newIssuer(t)
	is.addKey(t, "k1", true)
	b := newBackend(t, "a", nil)
	cfg := poolConfig(urls(b), "", fmt.Sprintf("auth: {jwks_url: %q, refresh_min_interval: 1h}", is.srv.URL))
	g, base := startGateway(t, cfg)
	if got, _ := status(t, base+"/", "Bearer "+is.token(t, "k1", "", time.Now().Add(time.Hour))); got != 200 {
		t.Fatalf("before reload: %d", got)
	}
	if err := g.Apply(mustParse(t, cfg)); err != nil {
		t.Fatal(err)
	}
	// A token not seen before: the new generation's cache is empty.
	if got, _ := status(t, base+"/", "Bearer "+is.token(t, "k1", "", time.Now().Add(2*time.Hour))); got != 200 {
		t.Errorf("after reload: %d", got)
	}
	if n := is.fetches.Load(); n != 1 {
		t.Errorf("JWKS fetched %d times, want 1", n)
	}
}

func TestRateLimitMemory(t *testing.T) {
	b := newBackend(t, "a", nil)
	_, base := startGateway(t, poolConfig(urls(b), "", "rate_limit: {rate: 3, period: 1m}"))
	var got []int
	for range 5 {
		s, h := status(t, base+"/", "")
		got = append(got, s)
		if s == 429 && h.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
	}
	want := []int{200, 200, 200, 429, 429}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if b.hits.Load() != 3 {
		t.Errorf("upstream saw %d", b.hits.Load())
	}
}

func TestRateLimitSharedAcrossReplicas(t *testing.T) {
	url, prefix := testenv.RedisURL(t), testenv.KeyPrefix(t)
	b := newBackend(t, "a", nil)
	rl := fmt.Sprintf("rate_limit: {rate: 10, period: 1m, key: credential, redis_url: %q, key_prefix: %q}", url, prefix)
	_, g1 := startGateway(t, poolConfig(urls(b), "", rl))
	_, g2 := startGateway(t, poolConfig(urls(b), "", rl))
	var mu sync.Mutex
	admitted := 0
	var wg sync.WaitGroup
	for i := range 40 {
		base := []string{g1, g2}[i%2]
		wg.Go(func() {
			if s, _ := status(t, base+"/", "Bearer same-client"); s == 200 {
				mu.Lock()
				admitted++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if admitted != 10 {
		t.Errorf("two replicas admitted %d, want exactly the limit of 10", admitted)
	}
}
