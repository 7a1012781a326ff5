// Package cachetest is the conformance suite of the cache port.
package cachetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/cache"
)

// Run runs the suite; newCache returns an empty cache, and a second handle
// on the same store (for shared caches) or the same cache (in-process).
func Run(t *testing.T, newCache func(t *testing.T) (cache.Cache, cache.Cache)) {
	ctx := context.Background()
	t.Run("SetGetDelete", func(t *testing.T) {
		c, _ := newCache(t)
		if _, ok, err := c.Get(ctx, "k"); ok || err != nil {
			t.Fatalf("empty cache: ok=%v err=%v", ok, err)
		}
		buf := []byte("v1")
		if err := c.Set(ctx, "k", buf, time.Minute); err != nil {
			t.Fatal(err)
		}
		buf[0] = 'X' // the cache must not alias the caller's slice
		got, ok, err := c.Get(ctx, "k")
		if err != nil || !ok || string(got) != "v1" {
			t.Fatalf("Get = %q, %v, %v; want v1", got, ok, err)
		}
		if err := c.Set(ctx, "k", []byte("v2"), time.Minute); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := c.Get(ctx, "k"); string(got) != "v2" {
			t.Fatalf("after overwrite Get = %q, want v2", got)
		}
		if err := c.Delete(ctx, "k", "absent"); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := c.Get(ctx, "k"); ok {
			t.Fatal("key present after Delete")
		}
	})
	t.Run("TTL", func(t *testing.T) {
		c, _ := newCache(t)
		if err := c.Set(ctx, "short", []byte("x"), 50*time.Millisecond); err != nil {
			t.Fatal(err)
		}
		if err := c.Set(ctx, "long", []byte("y"), time.Minute); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(3 * time.Second)
		for {
			_, ok, _ := c.Get(ctx, "short")
			if !ok {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("entry with a 50ms TTL still present after 3s")
			}
			time.Sleep(20 * time.Millisecond)
		}
		if _, ok, _ := c.Get(ctx, "long"); !ok {
			t.Fatal("entry with a 1 minute TTL expired")
		}
	})
	t.Run("SharedBetweenHandles", func(t *testing.T) {
		a, b := newCache(t)
		if err := a.Set(ctx, "shared", []byte("1"), time.Minute); err != nil {
			t.Fatal(err)
		}
		if got, ok, _ := b.Get(ctx, "shared"); !ok || string(got) != "1" {
			t.Fatalf("second handle Get = %q, %v", got, ok)
		}
		// b now holds a copy (in its own process tier, if it has one): a's
		// overwrite and b's delete must reach the other within the bound.
		if err := a.Set(ctx, "shared", []byte("2"), time.Minute); err != nil {
			t.Fatal(err)
		}
		eventually(t, "overwrite through one handle seen by the other", func() bool {
			got, ok, _ := b.Get(ctx, "shared")
			return ok && string(got) == "2"
		})
		if err := b.Delete(ctx, "shared"); err != nil {
			t.Fatal(err)
		}
		eventually(t, "delete through one handle seen by the other", func() bool {
			_, ok, _ := a.Get(ctx, "shared")
			return !ok
		})
	})
	runLoader(t, newCache)
	t.Run("Concurrent", func(t *testing.T) {
		c, _ := newCache(t)
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 200 {
					k := fmt.Sprintf("k%d", i%20)
					_ = c.Set(ctx, k, []byte(fmt.Sprint(g)), time.Minute)
					_, _, _ = c.Get(ctx, k)
				}
			}()
		}
		wg.Wait()
		for i := range 20 {
			if _, ok, err := c.Get(ctx, fmt.Sprintf("k%d", i)); !ok || err != nil {
				t.Fatalf("k%d missing after concurrent writes: %v", i, err)
			}
		}
	})
}

// StalenessBound is how long a change through one handle may take to reach
// the other: cache.MaxLocalTTL (the in-process tier's lifetime).
const StalenessBound = cache.MaxLocalTTL

// eventually polls cond until it holds or StalenessBound (plus scheduling
// slack for a loaded test machine) has passed. It reports how long it took
// only on failure: the bound is a property of the design, not a timing.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(StalenessBound + 500*time.Millisecond)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, StalenessBound)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
