package cache

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Lease is a short cross-process lock on loading one key.
type Lease interface {
	// Acquire tries once to take the lease on key for ttl. ok is false when
	// another holder has it; release gives it back if it is still ours.
	Acquire(ctx context.Context, key string, ttl time.Duration) (release func(), ok bool, err error)
}

// RedisLease takes leases with SET NX PX on a shared Redis.
type RedisLease struct {
	client redis.UniversalClient
	prefix string
}

var _ Lease = (*RedisLease)(nil)

// NewRedisLease returns leases kept under prefix + "lease:" + key.
func NewRedisLease(client redis.UniversalClient, prefix string) *RedisLease {
	return &RedisLease{client: client, prefix: prefix + "lease:"}
}

// releaseScript deletes the lease only if it still holds our token, so a
// holder whose lease expired cannot release its successor's.
var releaseScript = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
	return redis.call("DEL", KEYS[1])
end
return 0`)

// Acquire implements Lease.
func (r *RedisLease) Acquire(ctx context.Context, key string, ttl time.Duration) (func(), bool, error) {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	token := hex.EncodeToString(b)
	k := r.prefix + key
	ok, err := r.client.SetNX(ctx, k, token, ttl).Result()
	if err != nil {
		return nil, false, fmt.Errorf("cache: take lease: %w", err)
	}
	if !ok {
		return nil, false, nil
	}
	return func() { _ = releaseScript.Run(context.WithoutCancel(ctx), r.client, []string{k}, token).Err() }, true, nil
}
