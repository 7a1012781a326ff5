package ratelimit_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/ratelimit"
	"github.com/parleyhq/parley/internal/ratelimit/ratelimittest"
	"github.com/parleyhq/parley/internal/testenv"
)

func TestMemoryConformance(t *testing.T) {
	ratelimittest.Run(t, func(t *testing.T) (func() ratelimit.Limiter, bool) {
		m := ratelimit.NewMemory(nil)
		return func() ratelimit.Limiter { return m }, false
	})
}

// allowAt runs Memory.AllowAt behind the Limiter interface, so that the
// conformance suite covers it too.
type allowAt struct{ m *ratelimit.Memory }

func (a allowAt) Allow(_ context.Context, key string, limit ratelimit.Limit) (ratelimit.Result, error) {
	return a.m.AllowAt([]byte(key), limit, time.Now())
}

func TestMemoryAllowAtConformance(t *testing.T) {
	ratelimittest.Run(t, func(t *testing.T) (func() ratelimit.Limiter, bool) {
		a := allowAt{ratelimit.NewMemory(nil)}
		return func() ratelimit.Limiter { return a }, false
	})
}

// TestMemoryAllowAtSharesState: Allow and AllowAt count against the same
// key, and AllowAt allocates nothing for a key already known.
func TestMemoryAllowAtSharesState(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	m := ratelimit.NewMemory(clock.Now)
	limit := ratelimit.PerMinute(4)
	key := []byte("route:ip:10.0.0.1")
	var got []bool
	for i := range 6 {
		var res ratelimit.Result
		var err error
		if i%2 == 0 {
			res, err = m.Allow(context.Background(), string(key), limit)
		} else {
			res, err = m.AllowAt(key, limit, clock.Now())
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, res.Allowed)
	}
	if want := []bool{true, true, true, true, false, false}; !slices.Equal(got, want) {
		t.Errorf("admitted %v, want %v", got, want)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = m.AllowAt(key, limit, clock.Now()) }); n != 0 {
		t.Errorf("AllowAt of a known key: %.1f allocations, want 0", n)
	}
}

func newRedisClient(t testing.TB, url string) *redis.Client {
	t.Helper()
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(opt)
	t.Cleanup(func() { c.Close() })
	return c
}

func TestRedisConformance(t *testing.T) {
	ratelimittest.Run(t, func(t *testing.T) (func() ratelimit.Limiter, bool) {
		url, prefix := testenv.RedisURL(t), testenv.KeyPrefix(t)
		// Each handle has its own client and connection pool, as a second
		// server process would.
		return func() ratelimit.Limiter { return ratelimit.NewRedis(newRedisClient(t, url), prefix) }, true
	})
}

// fakeClock is a settable clock safe for concurrent use.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// TestMemoryWindows checks the admitted count over several windows with a
// fake clock: exactly N at first, then exactly N again after each period.
func TestMemoryWindows(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	m := ratelimit.NewMemory(clock.Now)
	limit := ratelimit.PerMinute(10)
	for window := range 3 {
		admitted := 0
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range 64 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 4 {
					res, err := m.Allow(context.Background(), "k", limit)
					if err != nil {
						t.Error(err)
						return
					}
					if res.Allowed {
						mu.Lock()
						admitted++
						mu.Unlock()
					}
				}
			}()
		}
		wg.Wait()
		if admitted != 10 {
			t.Errorf("window %d admitted %d, want 10", window, admitted)
		}
		clock.Add(time.Minute)
	}
}

// TestMemorySustainedRate checks that tokens come back one per emission interval.
func TestMemorySustainedRate(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	m := ratelimit.NewMemory(clock.Now)
	limit := ratelimit.Limit{Rate: 6, Burst: 2, Period: time.Minute} // one per 10s
	want := []bool{true, true, false}
	for i, w := range want {
		res, _ := m.Allow(context.Background(), "k", limit)
		if res.Allowed != w {
			t.Fatalf("request %d allowed=%v want %v", i, res.Allowed, w)
		}
		if !w && res.RetryAfter != 10*time.Second {
			t.Errorf("RetryAfter = %v, want 10s", res.RetryAfter)
		}
	}
	clock.Add(9 * time.Second)
	if res, _ := m.Allow(context.Background(), "k", limit); res.Allowed {
		t.Fatal("allowed before the emission interval passed")
	}
	clock.Add(time.Second)
	if res, _ := m.Allow(context.Background(), "k", limit); !res.Allowed {
		t.Fatalf("refused after the emission interval: %+v", res)
	}
}

func TestMemorySweepDropsIdleKeys(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	m := ratelimit.NewMemory(clock.Now)
	for i := range 100 {
		if _, err := m.Allow(context.Background(), fmt.Sprint(i), ratelimit.PerSecond(5)); err != nil {
			t.Fatal(err)
		}
	}
	if n := m.Sweep(); n != 0 {
		t.Errorf("swept %d keys that are still within their window", n)
	}
	clock.Add(time.Second)
	if n := m.Sweep(); n != 100 || m.Len() != 0 {
		t.Errorf("swept %d, left %d; want 100 and 0", n, m.Len())
	}
}

func TestOffAllowsEverything(t *testing.T) {
	var off ratelimit.Off
	for range 1000 {
		if res, _ := off.Allow(context.Background(), "k", ratelimit.PerSecond(1)); !res.Allowed {
			t.Fatal("Off refused a request")
		}
	}
}

// benchLimiter reports decisions/s and the p50/p99 of single decisions
// (timing each call adds two clock reads, ~50 ns, to every figure).
func benchLimiter(b *testing.B, lim ratelimit.Limiter) {
	limit := ratelimit.PerSecond(1_000_000_000)
	keys := make([]string, 1024)
	for i := range keys {
		keys[i] = fmt.Sprint("k", i)
	}
	var mu sync.Mutex
	var all []time.Duration
	b.ReportAllocs()
	start, cpu := time.Now(), testenv.CPUTime()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		defer func() { mu.Lock(); all = append(all, mine...); mu.Unlock() }()
		i := 0
		for pb.Next() {
			i++
			t0 := time.Now()
			if _, err := lim.Allow(context.Background(), keys[i%len(keys)], limit); err != nil {
				b.Fatal(err)
			}
			mine = append(mine, time.Since(t0))
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "decisions/s")
	testenv.ReportCPU(b, cpu, "decisions")
	slices.Sort(all)
	at := func(q float64) float64 { return float64(all[int(q*float64(len(all)-1))]) / float64(time.Microsecond) }
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}

func BenchmarkMemoryAllow(b *testing.B) { benchLimiter(b, ratelimit.NewMemory(nil)) }

func BenchmarkRedisAllow(b *testing.B) {
	url := testenv.RedisURL(b)
	benchLimiter(b, ratelimit.NewRedis(newRedisClient(b, url), testenv.KeyPrefix(b)))
}
