package cachetest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/cache"
)

// Concurrency is how many callers miss one key at once in the stampede tests.
const Concurrency = 1000

// runLoader checks cache.Loader over the cache under test.
func runLoader(t *testing.T, newCache func(t *testing.T) (cache.Cache, cache.Cache)) {
	t.Run("StampedeOneLoadPerProcess", func(t *testing.T) {
		c, _ := newCache(t)
		var loads atomic.Int64
		got := Stampede(t, []*cache.Loader{cache.NewLoader(c, cache.LoaderOptions{})}, "hot", &loads)
		if n := loads.Load(); n != 1 {
			t.Errorf("%d concurrent misses caused %d loads, want 1", Concurrency, n)
		}
		checkAll(t, got, "value-1")
	})
	t.Run("StampedeTwoHandles", func(t *testing.T) {
		a, b := newCache(t)
		var loads atomic.Int64
		loaders := []*cache.Loader{cache.NewLoader(a, cache.LoaderOptions{}), cache.NewLoader(b, cache.LoaderOptions{})}
		got := Stampede(t, loaders, "hot2", &loads)
		// Without a lease each handle (process) loads at most once.
		if n := loads.Load(); n < 1 || n > 2 {
			t.Errorf("%d concurrent misses on two handles caused %d loads, want 1 or 2", 2*Concurrency, n)
		}
		for _, v := range got {
			if v != "value-1" && v != "value-2" {
				t.Fatalf("caller got %q", v)
			}
		}
	})
	t.Run("NegativeCaching", func(t *testing.T) {
		c, _ := newCache(t)
		l := cache.NewLoader(c, cache.LoaderOptions{NegativeTTL: time.Minute})
		loads := 0
		load := func(context.Context) ([]byte, error) {
			loads++
			return nil, apperr.New(apperr.NotFound, "no such thing")
		}
		for range 3 {
			_, err := l.GetOrLoad(context.Background(), "absent", time.Minute, load)
			if !apperr.Is(err, apperr.NotFound) {
				t.Fatalf("err = %v, want NotFound", err)
			}
		}
		if loads != 1 {
			t.Errorf("not-found loaded %d times, want 1 (then cached)", loads)
		}
		if s := l.Stats(); s.NegativeHits != 2 {
			t.Errorf("NegativeHits = %d, want 2", s.NegativeHits)
		}
	})
	t.Run("LoadErrorsNotCached", func(t *testing.T) {
		c, _ := newCache(t)
		l := cache.NewLoader(c, cache.LoaderOptions{})
		loads := 0
		load := func(context.Context) ([]byte, error) {
			loads++
			if loads == 1 {
				return nil, apperr.New(apperr.Unavailable, "db down")
			}
			return []byte("ok"), nil
		}
		if _, err := l.GetOrLoad(context.Background(), "flaky", time.Minute, load); !apperr.Is(err, apperr.Unavailable) {
			t.Fatalf("first err = %v, want Unavailable", err)
		}
		v, err := l.GetOrLoad(context.Background(), "flaky", time.Minute, load)
		if err != nil || string(v) != "ok" {
			t.Fatalf("second = %q, %v; want ok", v, err)
		}
	})
}

// Stampede starts Concurrency callers per loader, all missing key at once,
// and returns what each got. Each load counts in loads and returns
// "value-N" (N its rank), so callers can tell whose load they saw.
func Stampede(t *testing.T, loaders []*cache.Loader, key string, loads *atomic.Int64) []string {
	t.Helper()
	ctx := context.Background()
	start := make(chan struct{})
	got := make([]string, len(loaders)*Concurrency)
	errs := make([]error, len(got))
	var wg sync.WaitGroup
	for i, l := range loaders {
		for j := range Concurrency {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				v, err := l.GetOrLoad(ctx, key, time.Minute, func(context.Context) ([]byte, error) {
					n := loads.Add(1)
					// Hold the load open a little so that the other callers
					// really pile up behind it (the count does not depend
					// on this: late callers find the value cached).
					time.Sleep(20 * time.Millisecond)
					return fmt.Appendf(nil, "value-%d", n), nil
				})
				got[i*Concurrency+j], errs[i*Concurrency+j] = string(v), err
			}()
		}
	}
	close(start)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("GetOrLoad: %v", err)
		}
	}
	return got
}

func checkAll(t *testing.T, got []string, want string) {
	t.Helper()
	for i, v := range got {
		if v != want {
			t.Fatalf("caller %d got %q, want %q", i, v, want)
		}
	}
}
