package profilecache

import (
	"context"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/store"
)

// Options configure Open. Zero values take the defaults.
type Options struct {
	Prefix     string // Redis key prefix (default "parley:")
	LocalBytes uint64 // bound of the in-process tier (default 64 MiB)
	Logger     *slog.Logger
	Now        func() time.Time // clock of the in-process pointers (nil: time.Now)
}

// Open returns next with cached profile reads, as one server process runs
// it: with rdb, a two-tier cache (in-process + Redis, pub/sub invalidation),
// a Redis lease against cross-process stampedes and Redis version pointers;
// with rdb nil, the in-process tier and in-process pointers alone, which
// see another process's write within cache.MemoryVersionTTL. close
// stops the invalidation listener. The returned Store reports its counters
// through Stats.
func Open(ctx context.Context, next store.Store, rdb redis.UniversalClient, opts Options) (s *Store, close func() error, err error) {
	if opts.Prefix == "" {
		opts.Prefix = "parley:"
	}
	if opts.LocalBytes == 0 {
		opts.LocalBytes = 64 << 20
	}
	lopts := cache.LoaderOptions{Name: "profiles"}
	if rdb == nil {
		// Nothing tells this process of another's writes (`parley import`,
		// another server on the same database): pointers lapse after
		// cache.MemoryVersionTTL, and a "not found" is kept no longer, so
		// that a profile created elsewhere is found as soon.
		lopts.NegativeTTL = cache.MemoryVersionTTL
		l := cache.NewLoader(cache.NewMemory(opts.LocalBytes), lopts)
		return New(next, l, cache.NewMemoryVersions(cache.MemoryVersionTTL, opts.Now), 0, opts.Logger), func() error { return nil }, nil
	}
	tt, err := cache.NewTwoTier(ctx, rdb, cache.TwoTierOptions{
		Name: "profiles", LocalBytes: opts.LocalBytes, Prefix: opts.Prefix, Logger: opts.Logger,
	})
	if err != nil {
		return nil, nil, err
	}
	lopts.Lease = cache.NewRedisLease(rdb, opts.Prefix)
	l := cache.NewLoader(tt, lopts)
	return New(next, l, cache.NewRedisVersions(rdb, opts.Prefix+"profile-", 0), 0, opts.Logger), tt.Close, nil
}

// Stats reports the cache's tiers and loads (for metrics and admin pages).
func (s *Store) Stats() cache.Stats { return s.loader.Stats() }

var _ cache.Statser = (*Store)(nil)
