package sessionstate

import (
	"context"
	"errors"
	"time"

	"github.com/bsm/redislock"
	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/apperr"
)

// Redis is the Store shared by every replica using the same Redis.
type Redis struct {
	client redis.UniversalClient
	locker *redislock.Client
	prefix string
}

var _ Store = (*Redis)(nil)

// NewRedis returns a store over client with keys under prefix.
func NewRedis(client redis.UniversalClient, prefix string) *Redis {
	return &Redis{client: client, locker: redislock.New(client), prefix: prefix}
}

func (r *Redis) key(id string) string { return r.prefix + "session:" + id }

// Get implements Store: GETEX reads and slides the expiry in one command.
func (r *Redis) Get(ctx context.Context, id string, ttl time.Duration) ([]byte, bool, error) {
	b, err := r.client.GetEx(ctx, r.key(id), ttl).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, apperr.Wrap(apperr.Unavailable, err, "session state: redis")
	}
	return b, true, nil
}

// Put implements Store.
func (r *Redis) Put(ctx context.Context, id string, state []byte, ttl time.Duration) error {
	if err := r.client.Set(ctx, r.key(id), state, ttl).Err(); err != nil {
		return apperr.Wrap(apperr.Unavailable, err, "session state: redis")
	}
	return nil
}

// Delete implements Store.
func (r *Redis) Delete(ctx context.Context, id string) error {
	if err := r.client.Del(ctx, r.key(id)).Err(); err != nil {
		return apperr.Wrap(apperr.Unavailable, err, "session state: redis")
	}
	return nil
}

// Lock implements Store with a Redis lock (SET NX PX with a random token,
// released by a compare-and-delete script), retried until ctx ends.
func (r *Redis) Lock(ctx context.Context, id string) (func(), error) {
	lock, err := r.locker.Obtain(ctx, r.prefix+"lock:"+id, LockTTL, &redislock.Options{
		RetryStrategy: redislock.ExponentialBackoff(time.Millisecond, 20*time.Millisecond),
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, apperr.Wrap(apperr.Unavailable, err, "session lock: redis")
	}
	return func() {
		// A fresh context: the turn's own may already be cancelled, and the
		// lock must still go.
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = lock.Release(ctx)
	}, nil
}
