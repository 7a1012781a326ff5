package cachetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/cache"
)

// EvictionBound is the byte bound RunEviction asks for: above an empty
// Redis server's own footprint (about 1 MB), small enough to fill quickly.
const EvictionBound = 4 << 20

// RunEviction is the conformance case for size bounds: newBounded returns
// an empty cache bounded to about maxBytes (for Redis, a server whose
// maxmemory is maxBytes). Four times the bound written in 8 KiB values:
// every write succeeds, every read answers without error, what is kept
// fits the bound, and an evicted key is a miss
// the Loader loads again.
func RunEviction(t *testing.T, newBounded func(t *testing.T, maxBytes int) cache.Cache) {
	t.Run("Eviction", func(t *testing.T) {
		c := newBounded(t, EvictionBound)
		ctx := context.Background()
		const size = 8 << 10
		n := 4 * EvictionBound / size
		val := make([]byte, size)
		for i := range n {
			if err := c.Set(ctx, fmt.Sprintf("e%d", i), val, time.Hour); err != nil {
				t.Fatalf("Set e%d past the bound: %v", i, err)
			}
		}
		// An in-process tier enforces its bound in maintenance it runs
		// asynchronously (otter); Stats runs what is pending, as a metrics
		// scrape does.
		if s, ok := c.(interface{ Stats() cache.Stats }); ok {
			s.Stats()
		}
		present, firstMissing := 0, -1
		for i := range n {
			_, ok, err := c.Get(ctx, fmt.Sprintf("e%d", i))
			if err != nil {
				t.Fatalf("Get e%d: %v", i, err)
			}
			if ok {
				present++
			} else if firstMissing < 0 {
				firstMissing = i
			}
		}
		if max := EvictionBound / size; present == 0 || present > max+max/10 {
			t.Errorf("%d of %d values of %d bytes kept under a %d-byte bound", present, n, size, EvictionBound)
		}
		if firstMissing < 0 {
			t.Fatal("nothing was evicted")
		}
		loads := 0
		l := cache.NewLoader(c, cache.LoaderOptions{})
		v, err := l.GetOrLoad(ctx, fmt.Sprintf("e%d", firstMissing), time.Hour, func(context.Context) ([]byte, error) {
			loads++
			return []byte("again"), nil
		})
		if err != nil || string(v) != "again" || loads != 1 {
			t.Errorf("evicted key through the Loader: %q, %v, %d loads; want one fresh load", v, err, loads)
		}
	})
}
