package cache

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/apperr"
)

// Redis is a cache shared by every process that uses the same Redis.
type Redis struct {
	client redis.UniversalClient
	prefix string
	count  counters
}

var (
	_ Cache   = (*Redis)(nil)
	_ Statser = (*Redis)(nil)
)

// NewRedis returns a cache over client, with every key prefixed by prefix.
func NewRedis(client redis.UniversalClient, prefix string) *Redis {
	return &Redis{client: client, prefix: prefix}
}

// Get implements Cache.
func (r *Redis) Get(ctx context.Context, key string) ([]byte, bool, error) {
	b, ok, err := r.peek(ctx, key)
	switch {
	case err != nil:
		r.count.errors.Add(1)
	case ok:
		r.count.hits.Add(1)
	default:
		r.count.misses.Add(1)
	}
	return b, ok, err
}

// peek is Get without counting (see Memory.peek).
func (r *Redis) peek(ctx context.Context, key string) ([]byte, bool, error) {
	b, err := r.client.Get(ctx, r.prefix+key).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, apperr.Wrap(apperr.Unavailable, err, "cache: redis get")
	}
	return b, true, nil
}

// Set implements Cache.
func (r *Redis) Set(ctx context.Context, key string, val []byte, ttl time.Duration) error {
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	if err := r.client.Set(ctx, r.prefix+key, val, ttl).Err(); err != nil {
		r.count.errors.Add(1)
		return apperr.Wrap(apperr.Unavailable, err, "cache: redis set")
	}
	return nil
}

// Delete implements Cache.
func (r *Redis) Delete(ctx context.Context, keys ...string) error {
	if len(keys) == 0 {
		return nil
	}
	full := make([]string, len(keys))
	for i, k := range keys {
		full[i] = r.prefix + k
	}
	if err := r.client.Del(ctx, full...).Err(); err != nil {
		return apperr.Wrap(apperr.Unavailable, fmt.Errorf("del: %w", err), "cache: redis delete")
	}
	return nil
}

// Stats implements Statser (Name is left empty: the owner names it).
func (r *Redis) Stats() Stats {
	return Stats{Tiers: []TierStats{r.count.snapshot(TierRedis)}}
}
