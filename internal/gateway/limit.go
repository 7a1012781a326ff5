package gateway

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
	"net/netip"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/gateway/config"
	"github.com/parleyhq/parley/internal/ratelimit"
)

// routeLimit applies one route's rate limit. With Redis, every gateway
// replica shares each key's GCRA state atomically, so together they admit
// the configured limit, not a multiple of it.
type routeLimit struct {
	route    string
	cfg      *config.RateLimit
	limit    ratelimit.Limit
	limiter  ratelimit.Limiter
	resolver *ratelimit.IPResolver
	logger   *slog.Logger
}

// check counts r and returns apperr.RateLimited (with RetryAfter) when it is
// over the limit. A limiter that does not answer lets the request through:
// an unreachable Redis should not take the whole site down.
func (l *routeLimit) check(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	res, err := l.allow(ctx, l.key(r))
	if res != nil {
		ratelimit.WriteHeaders(w.Header(), *res)
	}
	return err
}

// allow counts one request under key. The result is nil when the limiter
// did not answer (the request is admitted); the error is
// apperr.RateLimited (with RetryAfter) when the request is over the limit.
func (l *routeLimit) allow(ctx context.Context, key string) (*ratelimit.Result, error) {
	res, err := l.limiter.Allow(ctx, key, l.limit)
	if err != nil {
		l.logger.WarnContext(ctx, "rate limiter unavailable; admitting", "route", l.route, "err", err)
		return nil, nil
	}
	if !res.Allowed {
		e := apperr.New(apperr.RateLimited, "rate limit exceeded")
		e.RetryAfter = res.RetryAfter
		return &res, e
	}
	return &res, nil
}

// key is the limiter key: the route, then the credential's hash or the
// client address. Built in one buffer: one allocation per request.
func (l *routeLimit) key(r *http.Request) string {
	return l.keyFor(first(r.Header["Authorization"]), func() netip.Addr { return l.resolver.ClientIP(r) })
}

// keyFor is key given the Authorization header's value and the client's
// address (asked for only when the key is the address).
func (l *routeLimit) keyFor(authorization string, clientIP func() netip.Addr) string {
	var buf [128]byte
	b := append(buf[:0], l.route...)
	if l.cfg.Key == "credential" {
		if raw, ok := bearerValue(authorization); ok {
			sum := sha256.Sum256([]byte(raw)) // never store credentials in Redis
			b = append(b, ":cred:"...)
			return string(hex.AppendEncode(b, sum[:12]))
		}
	}
	b = append(b, ":ip:"...)
	return string(clientIP().AppendTo(b))
}
