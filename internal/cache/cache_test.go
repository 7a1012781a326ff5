package cache_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/cache/cachetest"
	"github.com/parleyhq/parley/internal/testenv"
)

func TestMemory(t *testing.T) {
	cachetest.Run(t, func(t *testing.T) (cache.Cache, cache.Cache) {
		c := cache.NewMemory(1 << 20)
		return c, c
	})
	cachetest.RunEviction(t, func(t *testing.T, maxBytes int) cache.Cache { return cache.NewMemory(uint64(maxBytes)) })
}

func TestRedis(t *testing.T) {
	cachetest.Run(t, func(t *testing.T) (cache.Cache, cache.Cache) {
		opt, err := redis.ParseURL(testenv.RedisURL(t))
		if err != nil {
			t.Fatal(err)
		}
		prefix := testenv.KeyPrefix(t)
		c1, c2 := redis.NewClient(opt), redis.NewClient(opt)
		t.Cleanup(func() { c1.Close(); c2.Close() })
		return cache.NewRedis(c1, prefix), cache.NewRedis(c2, prefix)
	})
	cachetest.RunEviction(t, func(t *testing.T, maxBytes int) cache.Cache {
		return cache.NewRedis(privateRedis(t, maxBytes), "evict:")
	})
}

func TestMemoryBoundedInBytes(t *testing.T) {
	c := cache.NewMemory(64 << 10)
	ctx := context.Background()
	val := make([]byte, 1024)
	for i := range 1000 {
		_ = c.Set(ctx, fmt.Sprintf("k%d", i), val, 0)
	}
	// The bound is enforced by maintenance that otter runs asynchronously;
	// Stats runs what is pending, as a scrape would.
	if st := c.Stats().Tiers[0]; st.Bytes > st.MaxBytes || st.Evictions == 0 {
		t.Errorf("after 1 MB into 64 KiB: %+v", st)
	}
	present := 0
	for i := range 1000 {
		if _, ok, _ := c.Get(ctx, fmt.Sprintf("k%d", i)); ok {
			present++
		}
	}
	// ~1 MB written into a 64 KiB cache: at most about 64 entries may stay.
	if present > 70 {
		t.Errorf("%d entries of 1 KiB present in a 64 KiB cache", present)
	}
}

func TestOff(t *testing.T) {
	var c cache.Cache = cache.Off{}
	_ = c.Set(context.Background(), "k", []byte("v"), 0)
	if _, ok, _ := c.Get(context.Background(), "k"); ok {
		t.Fatal("Off cache returned a value")
	}
}
