package gateway

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/gateway/config"
)

var jwtAlgs = []jose.SignatureAlgorithm{jose.ES256, jose.EdDSA, jose.RS256, jose.PS256, jose.ES384}

// keySet is a cached JWKS. An unknown kid triggers a refresh, at most once
// per minInterval, so that tokens with made-up kids cannot make the gateway
// hammer the identity server.
type keySet struct {
	url         string
	client      *http.Client
	minInterval time.Duration

	mu        sync.RWMutex
	keys      map[string]jose.JSONWebKey
	fetchMu   sync.Mutex
	lastFetch time.Time
}

func (k *keySet) lookup(kid string) (jose.JSONWebKey, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	key, ok := k.keys[kid]
	return key, ok
}

// key returns the key with kid, refreshing the set when it is unknown.
func (k *keySet) key(ctx context.Context, kid string) (jose.JSONWebKey, error) {
	if key, ok := k.lookup(kid); ok {
		return key, nil
	}
	k.fetchMu.Lock()
	defer k.fetchMu.Unlock()
	if key, ok := k.lookup(kid); ok { // another request refreshed meanwhile
		return key, nil
	}
	if time.Since(k.lastFetch) < k.minInterval {
		return jose.JSONWebKey{}, apperr.New(apperr.Unauthorized, "unknown signing key")
	}
	k.lastFetch = time.Now()
	if err := k.refresh(ctx); err != nil {
		return jose.JSONWebKey{}, apperr.Wrap(apperr.Unavailable, err, "signing keys unavailable")
	}
	if key, ok := k.lookup(kid); ok {
		return key, nil
	}
	return jose.JSONWebKey{}, apperr.New(apperr.Unauthorized, "unknown signing key")
}

func (k *keySet) refresh(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, k.url, nil)
	if err != nil {
		return fmt.Errorf("jwks request: %w", err)
	}
	resp, err := k.client.Do(req)
	if err != nil {
		return fmt.Errorf("fetch jwks: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("fetch jwks: status %d", resp.StatusCode)
	}
	var set jose.JSONWebKeySet
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&set); err != nil {
		return fmt.Errorf("decode jwks: %w", err)
	}
	keys := make(map[string]jose.JSONWebKey, len(set.Keys))
	for _, key := range set.Keys {
		if key.IsPublic() && key.Use != "enc" {
			keys[key.KeyID] = key
		}
	}
	k.mu.Lock()
	k.keys = keys
	k.mu.Unlock()
	return nil
}

// authenticator validates bearer credentials for one route. Verified tokens
// are remembered until they expire (bounded), because a signature check costs
// far more than proxying the request.
type authenticator struct {
	cfg   *config.Auth
	keys  *keySet
	mu    sync.Mutex
	valid map[string]time.Time
}

const maxCachedTokens = 10000

func newAuthenticator(cfg *config.Auth, client *http.Client) *authenticator {
	return &authenticator{
		cfg:   cfg,
		keys:  &keySet{url: cfg.JWKSURL, client: client, minInterval: cfg.RefreshMinInterval},
		valid: map[string]time.Time{},
	}
}

// check returns nil when r, arrived at now, carries an acceptable
// credential. Errors are apperr.Unauthorized, or apperr.Unavailable when
// the JWKS cannot be fetched.
func (a *authenticator) check(ctx context.Context, r *http.Request, now time.Time) error {
	return a.checkBearer(ctx, first(r.Header["Authorization"]), now)
}

// checkBearer is check given the Authorization header's (first) value.
func (a *authenticator) checkBearer(ctx context.Context, authorization string, now time.Time) error {
	raw, ok := bearerValue(authorization)
	if !ok {
		return apperr.New(apperr.Unauthorized, "a bearer token is required")
	}
	if strings.Count(raw, ".") != 2 {
		if a.cfg.AllowAPIKeys {
			return nil // an opaque API key: the upstream verifies it
		}
		return apperr.New(apperr.Unauthorized, "the bearer token is not a JWT")
	}
	a.mu.Lock()
	exp, hit := a.valid[raw]
	a.mu.Unlock()
	if hit && now.Before(exp) {
		return nil
	}
	exp, err := a.verify(ctx, raw, now)
	if err != nil {
		return err
	}
	a.mu.Lock()
	if len(a.valid) >= maxCachedTokens {
		clear(a.valid)
	}
	a.valid[strings.Clone(raw)] = exp // raw may alias a request buffer (fasthttp front end)
	a.mu.Unlock()
	return nil
}

func (a *authenticator) verify(ctx context.Context, raw string, now time.Time) (time.Time, error) {
	tok, err := jwt.ParseSigned(raw, jwtAlgs)
	if err != nil || len(tok.Headers) != 1 {
		return time.Time{}, apperr.New(apperr.Unauthorized, "malformed token")
	}
	h := tok.Headers[0]
	key, err := a.keys.key(ctx, h.KeyID)
	if err != nil {
		return time.Time{}, err
	}
	if key.Algorithm != "" && key.Algorithm != h.Algorithm {
		return time.Time{}, apperr.New(apperr.Unauthorized, "token algorithm does not match its key")
	}
	var c jwt.Claims
	if err := tok.Claims(key.Key, &c); err != nil {
		return time.Time{}, apperr.New(apperr.Unauthorized, "invalid token signature")
	}
	want := jwt.Expected{Issuer: a.cfg.Issuer, Time: now}
	if a.cfg.Audience != "" {
		want.AnyAudience = jwt.Audience{a.cfg.Audience}
	}
	if err := c.ValidateWithLeeway(want, 30*time.Second); err != nil {
		return time.Time{}, apperr.New(apperr.Unauthorized, "token rejected: %v", err)
	}
	if c.Expiry == nil {
		return time.Time{}, apperr.New(apperr.Unauthorized, "token has no expiry")
	}
	return c.Expiry.Time(), nil
}

// bearerValue is bearer given the Authorization header's value.
func bearerValue(v string) (string, bool) {
	if len(v) < 7 || !strings.EqualFold(v[:7], "bearer ") {
		return "", false
	}
	t := strings.TrimSpace(v[7:])
	return t, t != ""
}
