package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/auth/authcache"
	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/profilecache"
)

// cachedStore returns the store that profile reads go through: db itself
// when PARLEY_CACHE=off (no tier at all), otherwise db behind the profile
// cache (in-process tier, plus Redis when rdb is set). caches lists the
// caches for metrics (registered on reg) and an admin page; closeCaches
// stops their background work.
func cachedStore(ctx context.Context, cfg *config.Serve, db store.Store, rdb *redis.Client,
	reg prometheus.Registerer, logger *slog.Logger) (reads store.Store, caches *cache.Collector, closeCaches func() error, err error) {
	caches = cache.NewCollector()
	if !cfg.Cache {
		return db, caches, func() error { return nil }, nil
	}
	s, closeCaches, err := profileCache(ctx, db, rdb, logger)
	if err != nil {
		return nil, nil, nil, err
	}
	caches.Add(s)
	if err := reg.Register(caches); err != nil {
		closeCaches()
		return nil, nil, nil, err
	}
	return s, caches, closeCaches, nil
}

// profileCache puts db behind the profile cache as a server runs it: with
// rdb, entries and version pointers in Redis, shared by every process;
// without, in this process alone. Whatever writes profiles while servers
// run goes through it (serve's PUT, `parley import`), so that the shared
// pointers move and every server reads the new version at once.
func profileCache(ctx context.Context, db store.Store, rdb *redis.Client, logger *slog.Logger) (*profilecache.Store, func() error, error) {
	var client redis.UniversalClient // stays a nil interface without Redis
	if rdb != nil {
		client = sessionstate.Batched(rdb)
	}
	return profilecache.Open(ctx, db, client, profilecache.Options{Prefix: redisPrefix + "cache:", Logger: logger})
}

// authCache returns the decorator that puts API-key and signing-key lookups
// through the cache, and what stops it; nil with PARLEY_CACHE=off. With
// Redis the cache has two tiers and revocations and rotations reach every
// process through pub/sub. Without Redis it lives in this process alone,
// where `parley admin apikey revoke` (another process) cannot reach it, so
// API keys are kept no longer than the pub/sub staleness bound.
func authCache(ctx context.Context, cfg *config.Serve, rdb *redis.Client, caches *cache.Collector,
	logger *slog.Logger) (wrap func(auth.Store) auth.Store, closeCache func() error, err error) {
	if !cfg.Cache {
		return nil, func() error { return nil }, nil
	}
	var c cache.Cache = cache.NewMemory(8 << 20)
	opts := authcache.Options{APIKeyTTL: cache.MaxLocalTTL, Logger: logger}
	closeCache = func() error { return nil }
	if rdb != nil {
		tt, err := cache.NewTwoTier(ctx, rdb, cache.TwoTierOptions{
			Name: "auth", LocalBytes: 8 << 20, Prefix: redisPrefix + "cache:auth:", Logger: logger,
		})
		if err != nil {
			return nil, nil, err
		}
		c, closeCache, opts.APIKeyTTL = tt, tt.Close, 0
	}
	return func(st auth.Store) auth.Store {
		s := authcache.New(st, c, opts)
		if caches != nil {
			caches.Add(s)
		}
		return s
	}, closeCache, nil
}

// keyReloadEvery is how often a server re-reads its signing keys: often
// when the cache answers (a rotation anywhere is then seen within seconds),
// once a minute when every read goes to the database.
func keyReloadEvery(cfg *config.Serve) time.Duration {
	if cfg.Cache {
		return 5 * time.Second
	}
	return time.Minute
}

// answerCache returns the cache of context-free chat answers (nil with
// PARLEY_CACHE=off): two tiers with Redis, in process without. Entries are
// keyed by profile version, so they need no invalidation.
func answerCache(ctx context.Context, cfg *config.Serve, rdb *redis.Client, caches *cache.Collector,
	logger *slog.Logger) (c cache.Cache, closeCache func() error, err error) {
	if !cfg.Cache {
		return nil, func() error { return nil }, nil
	}
	if rdb == nil {
		m := cache.NewMemory(16 << 20)
		caches.Add(named{m, "answers"})
		return m, func() error { return nil }, nil
	}
	tt, err := cache.NewTwoTier(ctx, sessionstate.Batched(rdb), cache.TwoTierOptions{
		Name: "answers", LocalBytes: 16 << 20, Prefix: redisPrefix + "cache:answers:", Logger: logger,
	})
	if err != nil {
		return nil, nil, err
	}
	caches.Add(tt)
	return tt, tt.Close, nil
}

// named names a cache that leaves naming to its owner (cache.Memory).
type named struct {
	cache.Statser
	name string
}

func (n named) Stats() cache.Stats {
	s := n.Statser.Stats()
	s.Name = n.name
	return s
}
