package sessionstate

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/bsm/redislock"
	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/apperr"
)

// Redis is the Store shared by every replica using the same Redis.
type Redis struct {
	// client sends every command; it is the client's autopipeliner when it
	// has one (see NewRedis).
	client redis.UniversalClient
	locker *redislock.Client
	prefix string
	// local serialises this process's turns on one session before they
	// reach Redis, so same-replica contention waits on a channel instead
	// of polling the Redis lock.
	local keyedMutex
	// kept holds the states this process stored, decoded (see
	// AcquireDecoded).
	kept keptStates
}

var _ Store = (*Redis)(nil)

// autoPipelined is a client that can batch concurrent callers' commands
// (*redis.Client and *redis.ClusterClient).
type autoPipelined interface {
	AutoPipeline() (*redis.AutoPipeliner, error)
}

// NewRedis returns a store over client with keys under prefix.
//
// Commands go through client's autopipeliner when it has one: every turn
// makes two script calls, and sent one by one their socket writes and reads
// were a quarter of a busy server's CPU (and as much again in Redis). The
// autopipeliner sends a lone command at once and, while one batch is in
// flight, gathers the commands that arrive into the next, so a busy server
// makes one write and one read for many turns. A turn's own commands still
// run in order: it waits for each reply before sending the next.
func NewRedis(client redis.UniversalClient, prefix string) *Redis {
	if c, ok := client.(autoPipelined); ok {
		if ap, err := c.AutoPipeline(); err == nil {
			client = ap
		}
	}
	return &Redis{client: client, locker: redislock.New(client), prefix: prefix}
}

// The hash tag {id} keeps a session's state and lock in one cluster slot, so
// one script can touch both.
func (r *Redis) key(id string) string     { return r.prefix + "session:{" + id + "}" }
func (r *Redis) lockKey(id string) string { return r.prefix + "lock:{" + id + "}" }

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
	local, err := r.local.lock(ctx, id)
	if err != nil {
		return nil, err
	}
	lock, err := r.locker.Obtain(ctx, r.lockKey(id), LockTTL, &redislock.Options{
		RetryStrategy: redislock.ExponentialBackoff(time.Millisecond, 20*time.Millisecond),
	})
	if err != nil {
		local()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, apperr.Wrap(apperr.Unavailable, err, "session lock: redis")
	}
	return func() {
		defer local()
		// A fresh context: the turn's own may already be cancelled, and the
		// lock must still go.
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = lock.Release(ctx)
	}, nil
}

// acquireScript takes the lock (SET NX PX, as redislock does) and, when it
// got it, reads the state sliding its expiry: {1, state} or {0}.
//
// Holding the lock already with this token counts as taking it: the
// client may send the call again after a connection failed with the first
// one run (go-redis retries), and without this the session would wait for
// its own lock until LockTTL.
var acquireScript = redis.NewScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) or redis.call('GET', KEYS[1]) == ARGV[1] then
  return {1, redis.call('GETEX', KEYS[2], 'PX', ARGV[3])}
end
return {0}`)

// releaseScript stores the new state and deletes the lock if we still hold
// it. A holder whose lock expired drops the cached state instead, so the
// next turn reads the database, which holds the truth.
var releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  if ARGV[2] == '1' then redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4]) end
  return redis.call('DEL', KEYS[1])
end
redis.call('DEL', KEYS[2])
return 0`)

// Acquire implements Store: one script call takes the lock and reads the
// state, one more stores the next state and releases it.
func (r *Redis) Acquire(ctx context.Context, id string, ttl time.Duration) ([]byte, bool, func([]byte) error, error) {
	v, found, release, err := r.acquire(ctx, id, ttl)
	if err != nil {
		return nil, false, nil, err
	}
	var state []byte
	if found {
		state = []byte(v)
	}
	return state, found, release, nil
}

// acquire is Acquire with the state as the script returned it.
func (r *Redis) acquire(ctx context.Context, id string, ttl time.Duration) (string, bool, func([]byte) error, error) {
	local, err := r.local.lock(ctx, id)
	if err != nil {
		return "", false, nil, err
	}
	token := make([]byte, 16)
	_, _ = rand.Read(token)
	tok := hex.EncodeToString(token)
	keys := []string{r.lockKey(id), r.key(id)}
	backoff := redislock.ExponentialBackoff(time.Millisecond, 20*time.Millisecond)
	for {
		res, err := acquireScript.Run(ctx, r.client, keys, tok, LockTTL.Milliseconds(), ttl.Milliseconds()).Slice()
		if err != nil {
			local()
			if ctx.Err() != nil {
				return "", false, nil, ctx.Err()
			}
			return "", false, nil, apperr.Wrap(apperr.Unavailable, err, "session lock: redis")
		}
		if n, _ := res[0].(int64); n == 1 {
			var state string
			found := false
			if len(res) > 1 {
				state, found = res[1].(string)
			}
			return state, found, func(next []byte) error {
				defer local()
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				defer cancel()
				put := "0"
				if next != nil {
					put = "1"
				}
				if err := releaseScript.Run(ctx, r.client, keys, tok, put, next, ttl.Milliseconds()).Err(); err != nil {
					return apperr.Wrap(apperr.Unavailable, err, "session state: redis")
				}
				return nil
			}, nil
		}
		t := time.NewTimer(backoff.NextBackoff())
		select {
		case <-ctx.Done():
			t.Stop()
			local()
			return "", false, nil, ctx.Err()
		case <-t.C:
		}
	}
}
