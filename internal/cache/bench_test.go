package cache_test

import (
	"context"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/cache"
)

func BenchmarkMemoryGetHit(b *testing.B) {
	ctx := context.Background()
	c := cache.NewMemory(1 << 20)
	_ = c.Set(ctx, "k", make([]byte, 5000), time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok, _ := c.Get(ctx, "k"); !ok {
			b.Fatal("miss")
		}
	}
}

func BenchmarkLoaderHit(b *testing.B) {
	ctx := context.Background()
	l := cache.NewLoader(cache.NewMemory(1<<20), cache.LoaderOptions{})
	load := func(context.Context) ([]byte, error) { return make([]byte, 5000), nil }
	if _, err := l.GetOrLoad(ctx, "k", time.Hour, load); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.GetOrLoad(ctx, "k", time.Hour, load); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTwoTierLocalHit(b *testing.B) {
	ctx := context.Background()
	p := newProcesses(b, 1, 1<<20)
	val := make([]byte, 5000)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%1000 == 0 { // keep the in-process copy (it lives at most a second)
			b.StopTimer()
			_ = p[0].cache.Set(ctx, "k", val, time.Hour)
			b.StartTimer()
		}
		if _, ok, _ := p[0].cache.Get(ctx, "k"); !ok {
			b.Fatal("miss")
		}
	}
}
