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
	mem      *ratelimit.Memory // limiter, when it is the in-process one
	resolver *ratelimit.IPResolver
	logger   *slog.Logger
	// RateLimit-Limit and -Policy depend on the limit alone: formatted
	// once, not per answer.
	limitField, policyField []byte
}

func newRouteLimit(route string, cfg *config.RateLimit, lim ratelimit.Limiter, resolver *ratelimit.IPResolver, logger *slog.Logger) *routeLimit {
	l := &routeLimit{route: route, cfg: cfg, limiter: lim, resolver: resolver, logger: logger,
		limit: ratelimit.Limit{Rate: cfg.Rate, Burst: cfg.Burst, Period: cfg.Period}}
	l.mem, _ = lim.(*ratelimit.Memory)
	l.limitField, l.policyField = l.limit.LimitField(), l.limit.PolicyField()
	return l
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
	if l.judge(ctx, err) {
		return nil, nil
	}
	if !res.Allowed {
		return &res, refusal(res)
	}
	return &res, nil
}

// judge reports whether the limiter failed to answer (logged; the
// request is then admitted without fields).
func (l *routeLimit) judge(ctx context.Context, err error) bool {
	if err != nil {
		l.logger.WarnContext(ctx, "rate limiter unavailable; admitting", "route", l.route, "err", err)
		return true
	}
	return false
}

// refusal is the error of a refused request.
func refusal(res ratelimit.Result) error {
	e := apperr.New(apperr.RateLimited, "rate limit exceeded")
	e.RetryAfter = res.RetryAfter
	return e
}

// key is the limiter key: the route, then the credential's hash or the
// client address. Built in one buffer: one allocation per request.
func (l *routeLimit) key(r *http.Request) string {
	var buf [128]byte
	return string(l.appendKey(buf[:0], first(r.Header["Authorization"]), func() netip.Addr { return l.resolver.ClientIP(r) }))
}

// appendKey appends the key given the Authorization header's value and
// the client's address (asked for only when the key is the address).
func (l *routeLimit) appendKey(b []byte, authorization string, clientIP func() netip.Addr) []byte {
	b = append(b, l.route...)
	if l.cfg.Key == "credential" {
		if raw, ok := bearerValue(authorization); ok {
			sum := sha256.Sum256(s2b(raw)) // never store credentials in Redis
			b = append(b, ":cred:"...)
			return hex.AppendEncode(b, sum[:12])
		}
	}
	b = append(b, ":ip:"...)
	return clientIP().AppendTo(b)
}
