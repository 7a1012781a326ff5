package httpapi

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/ratelimit"
)

// Limits configures per-caller rate limits and monthly quotas.
type Limits struct {
	Limiter       ratelimit.Limiter // nil: no rate limits
	Anonymous     ratelimit.Limit   // per client IP
	Authenticated ratelimit.Limit   // per principal
	IPs           *ratelimit.IPResolver
	Quotas        auth.Quotas // nil or MonthlyQuota 0: no quotas
	MonthlyQuota  int64
}

// limit applies the caller's rate limit and monthly quota to one route.
func (s *Server) limit(next http.Handler) http.Handler {
	l := s.limits
	if l.Limiter == nil && (l.Quotas == nil || l.MonthlyQuota <= 0) {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := s.admit(r.Context(), r, w.Header()); err != nil {
			writeError(w, r, s.logger, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// admit charges one request of r's caller against its rate limit and
// monthly quota: nil, or a RateLimited error with its retry delay. It
// writes the RateLimit headers to h when h is not nil. Long-lived
// requests (the voice stream) call it again for each unit of work.
func (s *Server) admit(ctx context.Context, r *http.Request, h http.Header) error {
	l := s.limits
	p := auth.PrincipalFromContext(r.Context())
	if l.Limiter != nil {
		key, lim := s.callerKey(r), l.Anonymous
		if p != nil {
			lim = l.Authenticated
		}
		res, err := l.Limiter.Allow(ctx, key, lim)
		if err != nil {
			// A limiter outage must not take the API down: admit and log.
			s.logger.WarnContext(ctx, "rate limiter unavailable; admitting", "err", err)
		} else {
			if h != nil {
				ratelimit.WriteHeaders(h, res)
			}
			if !res.Allowed {
				e := apperr.New(apperr.RateLimited, "rate limit of %s exceeded; retry in %s", lim, res.RetryAfter.Round(time.Second))
				e.RetryAfter = res.RetryAfter
				return e
			}
		}
	}
	if p != nil && l.Quotas != nil && l.MonthlyQuota > 0 {
		month := time.Now().UTC().Format("2006-01")
		if _, err := l.Quotas.AddUsage(ctx, p.Subject, month, 1, l.MonthlyQuota); err != nil {
			if apperr.Is(err, apperr.RateLimited) {
				e := apperr.New(apperr.RateLimited, "monthly quota of %d requests used up", l.MonthlyQuota)
				e.RetryAfter = untilNextMonth(time.Now().UTC())
				return e
			}
			return fmt.Errorf("quota: %w", err)
		}
	}
	return nil
}

// callerKey names r's caller as the rate limiter counts it: the principal
// when authenticated, else the client IP (behind trusted proxies, the
// forwarded one).
func (s *Server) callerKey(r *http.Request) string {
	if p := auth.PrincipalFromContext(r.Context()); p != nil {
		return "p:" + string(p.Kind) + ":" + p.Subject
	}
	if s.limits.IPs == nil {
		ip, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			ip = r.RemoteAddr
		}
		return "ip:" + ip
	}
	return "ip:" + s.limits.IPs.ClientIP(r).String()
}

func untilNextMonth(now time.Time) time.Duration {
	first := time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	return first.Sub(now)
}
