// Package ratelimit decides whether a caller may make one more request, with
// the generic cell rate algorithm (GCRA): each key keeps one timestamp, the
// theoretical arrival time of its next request, so a decision costs one read
// and one write and bursts are bounded exactly. Two implementations share one
// conformance suite (ratelimittest): Memory for one process, Redis for many.
package ratelimit

import (
	"context"
	"fmt"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Limit is Rate requests per Period, with up to Burst at once.
type Limit struct {
	Rate   int
	Burst  int
	Period time.Duration
}

// PerMinute is a limit of rate requests a minute with a burst of the same size.
func PerMinute(rate int) Limit { return Limit{Rate: rate, Burst: rate, Period: time.Minute} }

// PerSecond is a limit of rate requests a second with a burst of the same size.
func PerSecond(rate int) Limit { return Limit{Rate: rate, Burst: rate, Period: time.Second} }

// Validate reports a limit that cannot be enforced as apperr.Invalid.
func (l Limit) Validate() error {
	if l.Rate <= 0 || l.Burst <= 0 || l.Period <= 0 {
		return apperr.New(apperr.Invalid, "rate limit %s: rate, burst and period must be positive", l)
	}
	return nil
}

// String renders "10/1m0s (burst 20)".
func (l Limit) String() string { return fmt.Sprintf("%d/%s (burst %d)", l.Rate, l.Period, l.Burst) }

// emission is the interval between two requests at the sustained rate.
func (l Limit) emission() time.Duration { return l.Period / time.Duration(l.Rate) }

// Result is one decision.
type Result struct {
	// Allowed reports whether the request may proceed.
	Allowed bool
	// Remaining is how many more requests would be allowed right now.
	Remaining int
	// RetryAfter is how long to wait before the next request can be
	// allowed; zero when Allowed.
	RetryAfter time.Duration
	// ResetAfter is how long until the key is back to a full burst.
	ResetAfter time.Duration
	// Limit is the limit the decision was made against.
	Limit Limit
}

// Limiter decides requests against a limit, per key.
type Limiter interface {
	// Allow counts one request for key against limit and reports whether it
	// may proceed. Errors: apperr.Invalid for an unusable limit,
	// apperr.Unavailable when the backing store does not answer (callers
	// decide whether to fail open or closed).
	Allow(ctx context.Context, key string, limit Limit) (Result, error)
}

// Off is a Limiter that allows everything; for PARLEY_RATE_LIMIT=off.
type Off struct{}

// Allow always allows.
func (Off) Allow(_ context.Context, _ string, limit Limit) (Result, error) {
	return Result{Allowed: true, Remaining: limit.Burst, Limit: limit}, nil
}

// gcra applies one request at now to a key whose theoretical arrival time is
// tat (zero for a new key) and returns the decision and the new tat to store
// (equal to tat when the request is refused). Memory uses it directly; the
// Redis script is the same arithmetic in Lua.
func gcra(now, tat time.Time, l Limit) (Result, time.Time) {
	em := l.emission()
	burstOffset := em * time.Duration(l.Burst)
	if tat.Before(now) {
		tat = now
	}
	newTAT := tat.Add(em)
	allowAt := newTAT.Add(-burstOffset)
	diff := now.Sub(allowAt)
	if diff < 0 {
		return Result{
			Allowed:    false,
			Remaining:  0,
			RetryAfter: -diff,
			ResetAfter: tat.Sub(now),
			Limit:      l,
		}, tat
	}
	return Result{
		Allowed:    true,
		Remaining:  int(diff / em),
		ResetAfter: newTAT.Sub(now),
		Limit:      l,
	}, newTAT
}
