package gateway

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/gateway/config"
)

var jwtAlgs = []jose.SignatureAlgorithm{jose.ES256, jose.EdDSA, jose.RS256, jose.PS256, jose.ES384}

// authenticator validates bearer credentials for one route. Verified tokens
// are remembered until they expire (bounded), because a signature check costs
// far more than proxying the request, or until a JWKS refresh withdraws a
// key: then each is checked again on its next use.
type authenticator struct {
	cfg   *config.Auth
	keys  *keySet
	mu    sync.Mutex
	valid map[string]verified
}

// verified is a cache entry: the token's expiry and keySet.removals when its
// key was looked up.
type verified struct {
	exp      time.Time
	removals uint64
}

const maxCachedTokens = 10000

// newAuthenticator returns the authenticator of one route. Its keys start
// as prev's when prev (the previous configuration's, or nil) reads the same
// JWKS, so that a reload costs no fetch; start its refresher with
// keys.run.
func newAuthenticator(cfg *config.Auth, client *http.Client, logger *slog.Logger, refreshes *prometheus.CounterVec, prev *keySet) *authenticator {
	ks := &keySet{url: cfg.JWKSURL, client: client, minInterval: cfg.RefreshMinInterval, interval: cfg.RefreshInterval, floor: minRefreshWait,
		logger: logger, refreshes: refreshes, done: make(chan struct{})}
	if ks.interval <= 0 { // a Config built without Parse: never spin
		ks.interval = 5 * time.Minute
	}
	if prev != nil && prev.url == ks.url {
		prev.mu.RLock()
		ks.keys, ks.fetched = prev.keys, prev.fetched
		prev.mu.RUnlock()
	}
	return &authenticator{cfg: cfg, keys: ks, valid: map[string]verified{}}
}

// check returns nil when r, arrived at now, carries an acceptable
// credential. Errors are apperr.Unauthorized, or apperr.Unavailable when
// the JWKS cannot be fetched.
func (a *authenticator) check(ctx context.Context, r *http.Request, now time.Time) error {
	return a.checkBearer(ctx, first(r.Header["Authorization"]), now)
}

// checkBearer is check given the Authorization header's (first) value.
func (a *authenticator) checkBearer(ctx context.Context, authorization string, now time.Time) error {
	_, err := a.checkBearerSlow(ctx, authorization, now)
	return err
}

// checkBearerSlow is checkBearer that also reports whether the token was
// verified (a cache miss: a signature check, maybe a JWKS fetch), so
// that the caller knows its clock reading may be stale.
func (a *authenticator) checkBearerSlow(ctx context.Context, authorization string, now time.Time) (bool, error) {
	raw, ok := bearerValue(authorization)
	if !ok {
		return false, apperr.New(apperr.Unauthorized, "a bearer token is required")
	}
	if strings.Count(raw, ".") != 2 {
		if a.cfg.AllowAPIKeys {
			return false, nil // an opaque API key: the upstream verifies it
		}
		return false, apperr.New(apperr.Unauthorized, "the bearer token is not a JWT")
	}
	a.mu.Lock()
	v, hit := a.valid[raw]
	a.mu.Unlock()
	if hit && now.Before(v.exp) && v.removals == a.keys.removals.Load() {
		return false, nil
	}
	// Read before the key is looked up: a key withdrawn after the lookup
	// makes this entry stale rather than trusted.
	removals := a.keys.removals.Load()
	exp, err := a.verify(ctx, raw, now)
	if err != nil {
		return true, err
	}
	a.mu.Lock()
	if len(a.valid) >= maxCachedTokens {
		clear(a.valid)
	}
	a.valid[strings.Clone(raw)] = verified{exp: exp, removals: removals} // raw may alias a request buffer (fasthttp front end)
	a.mu.Unlock()
	return true, nil
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
