package llm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/sony/gobreaker/v2"

	"github.com/parleyhq/parley/internal/apperr"
)

// Member is one provider of a Chain with the name its breaker and metrics use.
type Member struct {
	Name     string
	Provider Provider
}

// ChainOptions configure a Chain's circuit breakers.
type ChainOptions struct {
	// FailureThreshold is how many consecutive failures open a provider's
	// breaker (default 5).
	FailureThreshold uint32
	// OpenTimeout is how long an open breaker skips its provider before
	// letting one trial request through (default 30s).
	OpenTimeout time.Duration
	Logger      *slog.Logger
	Metrics     *Metrics
}

// Chain is a Provider that tries its members in order: a member that fails
// (after its own retries) or whose breaker is open falls through to the
// next. When every member fails it returns apperr.Unavailable.
//
// A stream falls through only while nothing has reached the consumer; once
// deltas went out, a failure is returned as is (repeating text is worse than
// stopping).
type Chain struct {
	members []chainMember
	log     *slog.Logger
	metrics *Metrics
}

type chainMember struct {
	name     string
	provider Provider
	breaker  *gobreaker.CircuitBreaker[Response]
}

var _ Provider = (*Chain)(nil)

// NewChain builds a chain over members, each behind its own breaker.
func NewChain(members []Member, opts ChainOptions) (*Chain, error) {
	if len(members) == 0 {
		return nil, apperr.New(apperr.Invalid, "llm: chain needs at least one provider")
	}
	if opts.FailureThreshold == 0 {
		opts.FailureThreshold = 5
	}
	if opts.OpenTimeout <= 0 {
		opts.OpenTimeout = 30 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	c := &Chain{log: opts.Logger, metrics: opts.Metrics}
	for _, m := range members {
		threshold := opts.FailureThreshold
		c.members = append(c.members, chainMember{
			name:     m.Name,
			provider: m.Provider,
			breaker: gobreaker.NewCircuitBreaker[Response](gobreaker.Settings{
				Name:        m.Name,
				MaxRequests: 1,
				Timeout:     opts.OpenTimeout,
				ReadyToTrip: func(n gobreaker.Counts) bool { return n.ConsecutiveFailures >= threshold },
				// The caller hanging up or its stream consumer failing says
				// nothing about the provider's health.
				IsExcluded:    func(err error) bool { return isCallbackError(err) || isCanceled(err) },
				OnStateChange: c.onStateChange,
			}),
		})
		c.metrics.breakerState(m.Name, 0)
	}
	return c, nil
}

// callerGone marks a failure that happened because the caller's context
// ended, which says nothing about the provider.
type callerGone struct{ err error }

func (e *callerGone) Error() string { return e.err.Error() }
func (e *callerGone) Unwrap() error { return e.err }

func isCanceled(err error) bool {
	var cg *callerGone
	return errors.As(err, &cg)
}

func (c *Chain) onStateChange(name string, from, to gobreaker.State) {
	c.log.Warn("llm breaker state changed", "provider", name, "from", from.String(), "to", to.String())
	c.metrics.breakerState(name, stateValue(to))
}

func stateValue(s gobreaker.State) float64 {
	switch s {
	case gobreaker.StateHalfOpen:
		return 1
	case gobreaker.StateOpen:
		return 2
	}
	return 0
}

// Complete implements Provider.
func (c *Chain) Complete(ctx context.Context, req Request) (Response, error) {
	return c.run(ctx, func(p Provider) (Response, error) { return p.Complete(ctx, req) }, nil)
}

// Stream implements Provider.
func (c *Chain) Stream(ctx context.Context, req Request, onDelta DeltaFunc) (Response, error) {
	delivered := false
	track := func(d string) error {
		delivered = true
		return onDelta(d)
	}
	return c.run(ctx, func(p Provider) (Response, error) { return p.Stream(ctx, req, track) }, &delivered)
}

// run tries each member in order. delivered, when non-nil, reports whether
// output already reached the caller, which stops the fall-through.
func (c *Chain) run(ctx context.Context, call func(Provider) (Response, error), delivered *bool) (Response, error) {
	var errs []error
	for _, m := range c.members {
		resp, err := m.breaker.Execute(func() (Response, error) {
			resp, err := call(m.provider)
			// The answer's time budget running out counts against the
			// provider that used it up; the caller leaving does not.
			if err != nil && ctx.Err() != nil && !errors.Is(context.Cause(ctx), ErrBudget) {
				err = &callerGone{err: err}
			}
			return resp, err
		})
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil || isCallbackError(err) || (delivered != nil && *delivered) {
			return resp, err
		}
		reason := "error"
		if errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests) {
			reason = "open"
		}
		c.metrics.fallback(m.name, reason)
		c.log.DebugContext(ctx, "llm provider skipped", "provider", m.name, "reason", reason, "err", err)
		errs = append(errs, fmt.Errorf("%s: %w", m.name, err))
	}
	return Response{}, apperr.Wrap(apperr.Unavailable, errors.Join(errs...), "no llm provider is available")
}

// BreakerStates reports each member's breaker state, by name, for health
// pages and tests.
func (c *Chain) BreakerStates() map[string]string {
	out := make(map[string]string, len(c.members))
	for _, m := range c.members {
		out[m.name] = m.breaker.State().String()
	}
	return out
}
