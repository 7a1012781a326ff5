package gateway

import (
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/gateway/config"
)

// TestBreakerStates walks the breaker through its states: a streak of
// failures opens it, a success in between resets the streak, the open time
// half-opens it with a limited number of probes, their successes close it
// and any failure opens it again; outcomes from an older state are ignored.
func TestBreakerStates(t *testing.T) {
	b := newBreaker(config.Breaker{ConsecutiveFailures: 3, OpenTime: 20 * time.Millisecond, HalfOpenRequests: 2}, newMetrics().upstream("u"))
	// A test clock: the open time passes when the test says so, not when a
	// loaded machine happens to pause between two steps.
	clock := time.Unix(1_700_000_000, 0)
	b.now = func() time.Time { return clock }
	admit := func(want bool) breakerTicket {
		t.Helper()
		tk, err := b.allow()
		if (err == nil) != want {
			t.Fatalf("allow: err %v, want admitted %v (state %s)", err, want, b.stateName())
		}
		return tk
	}
	state := func(want string) {
		t.Helper()
		if got := b.stateName(); got != want {
			t.Fatalf("state %s, want %s", got, want)
		}
	}
	for range 2 {
		b.done(admit(true), true)
	}
	b.done(admit(true), false) // the streak starts again
	stale := admit(true)
	for range 2 {
		b.done(admit(true), true)
	}
	state("closed")
	b.done(admit(true), true)
	state("open")
	b.done(stale, false) // admitted while closed: does not count now
	admit(false)
	clock = clock.Add(25 * time.Millisecond)
	state("half-open")
	p1, p2 := admit(true), admit(true)
	admit(false) // two probes at most
	b.done(p1, false)
	state("half-open")
	b.done(p2, false)
	state("closed")
	for range 3 {
		b.done(admit(true), true)
	}
	state("open")
	clock = clock.Add(25 * time.Millisecond)
	b.done(admit(true), true) // a failed probe opens it again
	state("open")
	admit(false)
}
