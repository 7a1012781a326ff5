package gateway

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/gateway/config"
)

// testJWKS is an identity server for the internal tests: keys can be
// published and withdrawn, the endpoint made to fail, and Cache-Control set.
type testJWKS struct {
	mu           sync.Mutex
	priv         map[string]*ecdsa.PrivateKey
	published    []string
	cacheControl string
	fail         bool
	fetches      atomic.Int64
	srv          *httptest.Server
	metrics      *metrics
}

func newTestJWKS(t testing.TB) *testJWKS {
	j := &testJWKS{priv: map[string]*ecdsa.PrivateKey{}, metrics: newMetrics()}
	j.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		j.fetches.Add(1)
		j.mu.Lock()
		defer j.mu.Unlock()
		if j.fail {
			http.Error(w, "down", http.StatusBadGateway)
			return
		}
		if j.cacheControl != "" {
			w.Header().Set("Cache-Control", j.cacheControl)
		}
		var set jose.JSONWebKeySet
		for _, kid := range j.published {
			set.Keys = append(set.Keys, jose.JSONWebKey{Key: &j.priv[kid].PublicKey, KeyID: kid, Algorithm: "ES256", Use: "sig"})
		}
		_ = json.NewEncoder(w).Encode(set)
	}))
	t.Cleanup(j.srv.Close)
	return j
}

// add creates and publishes a key.
func (j *testJWKS) add(t testing.TB, kid string) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.priv[kid] = k
	j.published = append(j.published, kid)
}

// withdraw stops publishing kid (its private key stays, to sign with).
func (j *testJWKS) withdraw(kid string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for i, k := range j.published {
		if k == kid {
			j.published = append(j.published[:i], j.published[i+1:]...)
			return
		}
	}
}

func (j *testJWKS) set(fn func(j *testJWKS)) {
	j.mu.Lock()
	defer j.mu.Unlock()
	fn(j)
}

func (j *testJWKS) token(t testing.TB, kid string, exp time.Time) string {
	j.mu.Lock()
	k := j.priv[kid]
	j.mu.Unlock()
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: jose.JSONWebKey{Key: k, KeyID: kid}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := jwt.Signed(sig).Claims(jwt.Claims{Subject: "u1", Expiry: jwt.NewNumericDate(exp)}).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// authenticator returns an authenticator on j whose unknown-kid refreshes
// are limited to one per minInterval and whose keys.run refreshes every
// interval (the caller starts it).
func (j *testJWKS) authenticator(minInterval, interval time.Duration) *authenticator {
	return newAuthenticator(&config.Auth{JWKSURL: j.srv.URL, RefreshMinInterval: minInterval, RefreshInterval: interval},
		j.srv.Client(), slog.New(slog.DiscardHandler), j.metrics.jwksRefreshes.MustCurryWith(prometheus.Labels{"route": "r"}), nil)
}
