package cache_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/cache/cachetest"
	"github.com/parleyhq/parley/internal/testenv"
)

// process is one simulated server process: its own Redis client and its own
// two-tier cache over the shared Redis.
type process struct {
	client *redis.Client
	cache  *cache.TwoTier
}

// newProcesses returns n two-tier caches sharing one Redis key space.
func newProcesses(t testing.TB, n int, localBytes uint64) []process {
	t.Helper()
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	prefix := testenv.KeyPrefix(t)
	out := make([]process, n)
	for i := range out {
		c := redis.NewClient(opt)
		tt, err := cache.NewTwoTier(context.Background(), c, cache.TwoTierOptions{Name: "test", Prefix: prefix, LocalBytes: localBytes})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tt.Close(); c.Close() })
		out[i] = process{client: c, cache: tt}
	}
	return out
}

func TestTwoTier(t *testing.T) {
	cachetest.Run(t, func(t *testing.T) (cache.Cache, cache.Cache) {
		p := newProcesses(t, 2, 1<<20)
		return p[0].cache, p[1].cache
	})
	// Both tiers bounded: the in-process one to a quarter of the bound,
	// Redis (a private server) to the bound.
	cachetest.RunEviction(t, func(t *testing.T, maxBytes int) cache.Cache {
		tt, err := cache.NewTwoTier(context.Background(), privateRedis(t, maxBytes),
			cache.TwoTierOptions{Name: "evict", Prefix: "evict:", LocalBytes: uint64(maxBytes / 4)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tt.Close() })
		return tt
	})
}

func TestTwoTierStampedeWithLeaseLoadsOnce(t *testing.T) {
	p := newProcesses(t, 2, 1<<20)
	prefix := testenv.KeyPrefix(t)
	var loaders []*cache.Loader
	for _, pr := range p {
		loaders = append(loaders, cache.NewLoader(pr.cache, cache.LoaderOptions{Lease: cache.NewRedisLease(pr.client, prefix)}))
	}
	var loads atomic.Int64
	got := cachetest.Stampede(t, loaders, "hot", &loads)
	if n := loads.Load(); n != 1 {
		t.Errorf("%d misses over two processes with a lease caused %d loads, want 1", len(got), n)
	}
	for i, v := range got {
		if v != "value-1" {
			t.Fatalf("caller %d got %q, want value-1", i, v)
		}
	}
	var shared uint64
	for _, l := range loaders {
		shared += l.Stats().Shared
	}
	if shared == 0 {
		t.Error("Stats().Shared = 0 after a stampede")
	}
}

func TestTwoTierLocalTierBoundedInBytes(t *testing.T) {
	p := newProcesses(t, 1, 64<<10)
	c := p[0].cache
	ctx := context.Background()
	val := make([]byte, 1024)
	for i := range 1000 {
		if err := c.Set(ctx, fmt.Sprintf("k%d", i), val, time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	// Every value is still served (from Redis) though the local tier keeps
	// only a part of them.
	for i := range 1000 {
		if v, ok, err := c.Get(ctx, fmt.Sprintf("k%d", i)); !ok || err != nil || len(v) != 1024 {
			t.Fatalf("k%d: ok=%v err=%v len=%d", i, ok, err, len(v))
		}
	}
	local := c.Stats().Tiers[0]
	if local.Tier != cache.TierLocal || local.MaxBytes != 64<<10 || local.Bytes > local.MaxBytes {
		t.Errorf("local tier %+v: want at most %d bytes", local, 64<<10)
	}
	if local.Entries > 70 {
		t.Errorf("%d entries of 1 KiB in a 64 KiB local tier", local.Entries)
	}
}

func TestMetrics(t *testing.T) {
	p := newProcesses(t, 1, 1<<20)
	ctx := context.Background()
	l := cache.NewLoader(p[0].cache, cache.LoaderOptions{Name: "profiles"})
	load := func(context.Context) ([]byte, error) { return []byte("v"), nil }
	for range 3 {
		if _, err := l.GetOrLoad(ctx, "k", time.Minute, load); err != nil {
			t.Fatal(err)
		}
	}
	reg := prometheus.NewRegistry()
	col, err := cache.RegisterMetrics(reg, l)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			key := f.GetName()
			for _, lp := range m.GetLabel() {
				key += "," + lp.GetName() + "=" + lp.GetValue()
			}
			got[key] = m.GetCounter().GetValue() + m.GetGauge().GetValue()
		}
	}
	for key, want := range map[string]float64{
		"parley_cache_loads_total,cache=profiles":             1,
		"parley_cache_hits_total,cache=profiles,tier=local":   2,
		"parley_cache_hits_total,cache=profiles,tier=redis":   0,
		"parley_cache_misses_total,cache=profiles,tier=local": 1, // re-checks inside the load are not counted
		"parley_cache_max_bytes,cache=profiles,tier=local":    1 << 20,
	} {
		if got[key] != want {
			t.Errorf("%s = %v, want %v", key, got[key], want)
		}
	}
	st := col.Stats()
	if len(st) != 1 || st[0].Name != "profiles" || st[0].Tiers[0].HitRatio() == 0 {
		t.Errorf("Stats() = %+v", st)
	}
}
