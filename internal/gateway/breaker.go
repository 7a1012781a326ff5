package gateway

import (
	"errors"

	"github.com/sony/gobreaker/v2"

	"github.com/parleyhq/parley/internal/gateway/config"
)

// errUpstreamFailed marks an attempt that failed (connection error or a
// 502/503/504 answer) for the breaker's accounting.
var errUpstreamFailed = errors.New("upstream failed")

// breaker is an upstream's circuit breaker: open after consecutive failures,
// fast 503s while open, a few probes when half-open.
type breaker struct {
	cfg config.Breaker
	cb  *gobreaker.TwoStepCircuitBreaker[struct{}]
}

func newBreaker(name string, cfg config.Breaker, m *upstreamMetrics) *breaker {
	st := gobreaker.Settings{
		Name:        name,
		MaxRequests: uint32(cfg.HalfOpenRequests),
		Timeout:     cfg.OpenTime,
		ReadyToTrip: func(c gobreaker.Counts) bool {
			return c.ConsecutiveFailures >= uint32(cfg.ConsecutiveFailures)
		},
		OnStateChange: func(_ string, _, to gobreaker.State) { m.breaker.Set(float64(to)) },
	}
	m.breaker.Set(0)
	return &breaker{cfg: cfg, cb: gobreaker.NewTwoStepCircuitBreaker[struct{}](st)}
}

// allow returns the callback that records the outcome (errUpstreamFailed
// or nil; see outcome), or an error when the breaker is open (or half-open
// and full). The callback is gobreaker's own, not wrapped: one closure less
// per request.
func (b *breaker) allow() (func(error), error) {
	return b.cb.Allow()
}

// outcome is what the breaker's callback is told about an attempt.
func outcome(failed bool) error {
	if failed {
		return errUpstreamFailed
	}
	return nil
}

// state names the breaker's state for the status endpoint.
func (b *breaker) state() string { return b.cb.State().String() }
