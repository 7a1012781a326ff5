// Package ratelimittest is the conformance suite every ratelimit.Limiter
// passes: the same tests against the in-process and the Redis limiter.
package ratelimittest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/ratelimit"
)

// Factory returns a fresh limiter for one test. Calling it twice within one
// test must return two independent handles on the same shared state (two
// Redis clients, as two server processes would have); an implementation
// whose state cannot be shared reports shared=false and the suite skips the
// multi-process test for it.
type Factory func(t *testing.T) (newHandle func() ratelimit.Limiter, shared bool)

// Run runs the suite.
func Run(t *testing.T, f Factory) {
	t.Run("ConcurrentClientsAdmitExactlyBurst", func(t *testing.T) {
		newHandle, _ := f(t)
		testConcurrent(t, newHandle, 1)
	})
	t.Run("TwoProcessesShareOneLimit", func(t *testing.T) {
		newHandle, shared := f(t)
		if !shared {
			t.Log("implementation is process-local; nothing to share")
			return
		}
		testConcurrent(t, newHandle, 2)
	})
	t.Run("KeysAreIndependent", func(t *testing.T) { testKeysIndependent(t, f) })
	t.Run("RefusalReportsRetryAfter", func(t *testing.T) { testRefusal(t, f) })
	t.Run("RemainingCountsDown", func(t *testing.T) { testRemaining(t, f) })
	t.Run("InvalidLimit", func(t *testing.T) { testInvalid(t, f) })
}

// hourly has an emission interval of minutes, so no new token can accrue
// while a test runs: the exact count is deterministic without a fake clock.
func hourly(n int) ratelimit.Limit {
	return ratelimit.Limit{Rate: n, Burst: n, Period: time.Hour}
}

// testConcurrent has 64 goroutines hammer one key through handles limiters
// and checks that exactly the burst is admitted.
func testConcurrent(t *testing.T, newHandle func() ratelimit.Limiter, handles int) {
	lims := make([]ratelimit.Limiter, handles)
	for i := range lims {
		lims[i] = newHandle()
	}
	for _, n := range []int{1, 50, 257} {
		t.Run(fmt.Sprint("N=", n), func(t *testing.T) {
			limit := hourly(n)
			key := fmt.Sprintf("conc-%d-%d", handles, n)
			const clients, perClient = 64, 12 // 768 attempts > every N
			var admitted, refused atomic.Int64
			var wg sync.WaitGroup
			errs := make(chan error, clients)
			for c := range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					lim := lims[c%len(lims)]
					for range perClient {
						res, err := lim.Allow(context.Background(), key, limit)
						if err != nil {
							errs <- err
							return
						}
						if res.Allowed {
							admitted.Add(1)
						} else {
							refused.Add(1)
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			if got := admitted.Load(); got != int64(n) {
				t.Errorf("admitted %d of %d attempts, want exactly %d", got, clients*perClient, n)
			}
			if got := refused.Load(); got != int64(clients*perClient-n) {
				t.Errorf("refused %d, want %d", got, clients*perClient-n)
			}
		})
	}
}

func testKeysIndependent(t *testing.T, f Factory) {
	newHandle, _ := f(t)
	lim := newHandle()
	limit := hourly(2)
	for _, key := range []string{"a", "b"} {
		for i := range 2 {
			res, err := lim.Allow(context.Background(), key, limit)
			if err != nil || !res.Allowed {
				t.Fatalf("key %s request %d: %+v, %v; want allowed", key, i, res, err)
			}
		}
	}
	res, err := lim.Allow(context.Background(), "a", limit)
	if err != nil || res.Allowed {
		t.Fatalf("key a third request: %+v, %v; want refused", res, err)
	}
}

func testRefusal(t *testing.T, f Factory) {
	newHandle, _ := f(t)
	lim := newHandle()
	limit := ratelimit.Limit{Rate: 60, Burst: 1, Period: time.Hour} // one a minute
	if res, err := lim.Allow(context.Background(), "r", limit); err != nil || !res.Allowed {
		t.Fatalf("first: %+v, %v", res, err)
	}
	res, err := lim.Allow(context.Background(), "r", limit)
	if err != nil {
		t.Fatal(err)
	}
	if res.Allowed || res.Remaining != 0 {
		t.Fatalf("second: %+v, want refused with nothing remaining", res)
	}
	// The next token is due one emission interval (a minute) after the first.
	if res.RetryAfter <= 50*time.Second || res.RetryAfter > time.Minute {
		t.Errorf("RetryAfter = %v, want just under 1m", res.RetryAfter)
	}
	if res.ResetAfter <= 50*time.Second || res.ResetAfter > time.Minute {
		t.Errorf("ResetAfter = %v, want just under 1m", res.ResetAfter)
	}
	if res.Limit != limit {
		t.Errorf("Limit = %v, want %v", res.Limit, limit)
	}
}

func testRemaining(t *testing.T, f Factory) {
	newHandle, _ := f(t)
	lim := newHandle()
	limit := hourly(5)
	for want := 4; want >= 0; want-- {
		res, err := lim.Allow(context.Background(), "rem", limit)
		if err != nil || !res.Allowed || res.Remaining != want {
			t.Fatalf("Remaining = %d (allowed %v, err %v), want %d", res.Remaining, res.Allowed, err, want)
		}
		if res.RetryAfter != 0 {
			t.Errorf("allowed request has RetryAfter %v", res.RetryAfter)
		}
	}
}

func testInvalid(t *testing.T, f Factory) {
	newHandle, _ := f(t)
	lim := newHandle()
	for _, l := range []ratelimit.Limit{{}, {Rate: 1, Burst: 0, Period: time.Second}, {Rate: -1, Burst: 1, Period: time.Second}} {
		if _, err := lim.Allow(context.Background(), "k", l); !apperr.Is(err, apperr.Invalid) {
			t.Errorf("limit %v: err %v, want Invalid", l, err)
		}
	}
}
