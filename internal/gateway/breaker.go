package gateway

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/parleyhq/parley/internal/gateway/config"
)

// breaker is an upstream's circuit breaker: open after consecutive
// failures, fast 503s while open, a few probes when half-open, closed
// again after as many successes in a row, open again after any failure —
// gobreaker's two-step breaker with a consecutive-failures trip, which it
// replaces: that one allocated a closure per request and took a lock and
// read the clock twice. Here a closed breaker with no failure streak (all
// but a few requests) costs one atomic load when asked and one when told.
type breaker struct {
	cfg config.Breaker
	m   *upstreamMetrics
	now func() time.Time // time.Now; a test's clock in tests
	// clean is gen<<1|1 while the breaker is closed with no failure
	// streak, else 0: the lock-free path for allow and done.
	clean atomic.Uint64

	mu     sync.Mutex
	state  breakerState
	gen    uint64 // a new one at every state change; older tickets are ignored
	fails  int    // closed: consecutive failures
	succs  int    // half-open: consecutive successes
	probes int    // half-open: requests admitted
	until  time.Time
}

// breakerState values are the parley_gateway_upstream_breaker_state gauge's.
type breakerState int

const (
	breakerClosed breakerState = iota
	breakerHalfOpen
	breakerOpen
)

func (s breakerState) String() string {
	switch s {
	case breakerHalfOpen:
		return "half-open"
	case breakerOpen:
		return "open"
	}
	return "closed"
}

// breakerTicket is the generation a request was admitted in: its outcome
// counts only if the breaker has not changed state since.
type breakerTicket uint64

func newBreaker(cfg config.Breaker, m *upstreamMetrics) *breaker {
	b := &breaker{cfg: cfg, m: m, now: time.Now}
	m.breaker.Set(0)
	b.publish()
	return b
}

// allow admits a request (its ticket goes to done), or returns
// errBreakerOpen when the breaker is open or half-open with its probes
// taken.
func (b *breaker) allow() (breakerTicket, error) {
	if v := b.clean.Load(); v&1 != 0 {
		return breakerTicket(v >> 1), nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.current(b.now())
	switch b.state {
	case breakerOpen:
		return 0, errBreakerOpen
	case breakerHalfOpen:
		if b.probes >= b.halfOpen() {
			return 0, errBreakerOpen
		}
		b.probes++
	}
	return breakerTicket(b.gen), nil
}

// done records the outcome of an admitted request.
func (b *breaker) done(t breakerTicket, failed bool) {
	if !failed && b.clean.Load() == uint64(t)<<1|1 {
		return // closed, no streak: a success changes nothing
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if uint64(t) != b.gen {
		return
	}
	switch b.state {
	case breakerClosed:
		if !failed {
			b.fails = 0
		} else if b.fails++; b.fails >= b.cfg.ConsecutiveFailures {
			b.set(breakerOpen, b.now())
		}
	case breakerHalfOpen:
		if failed {
			b.set(breakerOpen, b.now())
		} else if b.succs++; b.succs >= b.halfOpen() {
			b.set(breakerClosed, b.now())
		}
	}
	b.publish()
}

// halfOpen is how many probes the half-open breaker admits (and how many
// successes close it).
func (b *breaker) halfOpen() int { return max(b.cfg.HalfOpenRequests, 1) }

// current moves an open breaker whose open time has passed to half-open.
// b.mu is held.
func (b *breaker) current(now time.Time) {
	if b.state == breakerOpen && !now.Before(b.until) {
		b.set(breakerHalfOpen, now)
		b.publish()
	}
}

// set changes the state and starts a new generation. b.mu is held.
func (b *breaker) set(s breakerState, now time.Time) {
	if b.state == s {
		return
	}
	b.state, b.gen = s, b.gen+1
	b.fails, b.succs, b.probes = 0, 0, 0
	if s == breakerOpen {
		b.until = now.Add(b.cfg.OpenTime)
	}
	b.m.breaker.Set(float64(s))
}

// publish updates the lock-free view after a change. b.mu is held (or b
// is new).
func (b *breaker) publish() {
	var v uint64
	if b.state == breakerClosed && b.fails == 0 {
		v = b.gen<<1 | 1
	}
	b.clean.Store(v)
}

// state names the breaker's state for the status endpoint.
func (b *breaker) stateName() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.current(b.now())
	return b.state.String()
}
