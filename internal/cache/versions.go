package cache

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/redis/go-redis/v9"
)

// Versions are counters that a writer bumps after changing the data a key
// family caches, and that readers put into their keys: after a bump, no
// reader anywhere builds the old key again, so nobody reads the old value,
// whatever copies other processes still hold.
type Versions interface {
	// Version returns the current counter of name (0 before the first bump).
	Version(ctx context.Context, name string) (int64, error)
	// Bump increments the counter of name and returns its new value.
	Bump(ctx context.Context, name string) (int64, error)
}

// RedisVersions keeps counters in Redis (GET and INCR), shared by every
// process: the authority for read-your-writes across processes.
type RedisVersions struct {
	client redis.UniversalClient
	prefix string
}

var _ Versions = (*RedisVersions)(nil)

// NewRedisVersions returns counters kept under prefix + "ver:" + name.
func NewRedisVersions(client redis.UniversalClient, prefix string) *RedisVersions {
	return &RedisVersions{client: client, prefix: prefix + "ver:"}
}

// Version implements Versions.
func (r *RedisVersions) Version(ctx context.Context, name string) (int64, error) {
	n, err := r.client.Get(ctx, r.prefix+name).Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("cache: read version: %w", err)
	}
	return n, nil
}

// Bump implements Versions.
func (r *RedisVersions) Bump(ctx context.Context, name string) (int64, error) {
	n, err := r.client.Incr(ctx, r.prefix+name).Result()
	if err != nil {
		return 0, fmt.Errorf("cache: bump version: %w", err)
	}
	return n, nil
}

// MemoryVersions keeps counters in this process (no Redis: one process).
// It holds one counter per name ever bumped.
type MemoryVersions struct {
	mu sync.Mutex
	m  map[string]int64
}

var _ Versions = (*MemoryVersions)(nil)

// NewMemoryVersions returns empty counters.
func NewMemoryVersions() *MemoryVersions { return &MemoryVersions{m: map[string]int64{}} }

// Version implements Versions.
func (v *MemoryVersions) Version(_ context.Context, name string) (int64, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.m[name], nil
}

// Bump implements Versions.
func (v *MemoryVersions) Bump(_ context.Context, name string) (int64, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.m[name]++
	return v.m[name], nil
}
