package main

import (
	"context"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/config"
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
	var client redis.UniversalClient // stays a nil interface without Redis
	if rdb != nil {
		client = rdb
	}
	s, closeCaches, err := profilecache.Open(ctx, db, client, profilecache.Options{Prefix: redisPrefix + "cache:", Logger: logger})
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
