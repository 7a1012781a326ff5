package cache

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// MaxLocalTTL bounds how long the in-process tier of a TwoTier may serve a
// value without asking Redis: the staleness bound when an invalidation
// message is lost.
const MaxLocalTTL = time.Second

// TwoTierOptions configure a TwoTier.
type TwoTierOptions struct {
	Name       string        // names the cache in Stats and metrics, e.g. "profiles"
	LocalBytes uint64        // bound of the in-process tier (default 64 MiB)
	LocalTTL   time.Duration // in-process lifetime, at most MaxLocalTTL (default MaxLocalTTL)
	Prefix     string        // prefix of every Redis key and of the invalidation channel
	Logger     *slog.Logger
}

// TwoTier is an in-process W-TinyLFU tier in front of Redis. Writes and
// deletes go to both tiers and are published on a Redis channel; every other
// TwoTier on the same channel drops those keys from its in-process tier. A
// lost message costs at most LocalTTL of staleness.
type TwoTier struct {
	name     string
	local    *Memory
	remote   *Redis
	client   redis.UniversalClient
	channel  string
	origin   string // identifies this instance's own messages
	localTTL time.Duration
	logger   *slog.Logger

	pubsub  *redis.PubSub
	done    chan struct{}
	once    sync.Once
	closing atomic.Bool
}

var (
	_ Cache   = (*TwoTier)(nil)
	_ Statser = (*TwoTier)(nil)
)

// NewTwoTier returns a two-tier cache over client and starts listening for
// invalidations; Close stops it. It fails when Redis does not answer the
// subscription.
func NewTwoTier(ctx context.Context, client redis.UniversalClient, opts TwoTierOptions) (*TwoTier, error) {
	if opts.LocalBytes == 0 {
		opts.LocalBytes = 64 << 20
	}
	if opts.LocalTTL <= 0 || opts.LocalTTL > MaxLocalTTL {
		opts.LocalTTL = MaxLocalTTL
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	id := make([]byte, 8)
	_, _ = rand.Read(id)
	t := &TwoTier{
		name: opts.Name, local: NewMemory(opts.LocalBytes), remote: NewRedis(client, opts.Prefix),
		client: client, channel: opts.Prefix + "cache-invalidate", origin: hex.EncodeToString(id),
		localTTL: opts.LocalTTL, logger: opts.Logger, done: make(chan struct{}),
	}
	t.pubsub = client.Subscribe(ctx, t.channel)
	// Wait for the confirmation so that no invalidation published after
	// this constructor returns can be missed.
	if _, err := t.pubsub.Receive(ctx); err != nil {
		t.pubsub.Close()
		return nil, fmt.Errorf("cache: subscribe to invalidations: %w", err)
	}
	go t.listen()
	return t, nil
}

// Close stops listening for invalidations. It does not close the client.
func (t *TwoTier) Close() error {
	var err error
	t.once.Do(func() {
		t.closing.Store(true)
		err = t.pubsub.Close()
		<-t.done
	})
	return err
}

// Get implements Cache: the in-process tier, then Redis (whose value is then
// kept in-process for LocalTTL).
func (t *TwoTier) Get(ctx context.Context, key string) ([]byte, bool, error) {
	return t.get(ctx, key, t.local.Get, t.remote.Get)
}

// peek is Get without counting (see Memory.peek).
func (t *TwoTier) peek(ctx context.Context, key string) ([]byte, bool, error) {
	return t.get(ctx, key, t.local.peek, t.remote.peek)
}

type getFunc func(ctx context.Context, key string) ([]byte, bool, error)

func (t *TwoTier) get(ctx context.Context, key string, local, remote getFunc) ([]byte, bool, error) {
	if v, ok, _ := local(ctx, key); ok {
		return v, true, nil
	}
	v, ok, err := remote(ctx, key)
	if err != nil || !ok {
		return nil, false, err
	}
	// The Redis entry's remaining TTL is not asked for (a second round
	// trip): LocalTTL already bounds how long the copy may outlive it.
	_ = t.local.Set(ctx, key, v, t.localTTL)
	return v, true, nil
}

// Set implements Cache: Redis first, then this process, then the other
// processes are told to drop their copies.
func (t *TwoTier) Set(ctx context.Context, key string, val []byte, ttl time.Duration) error {
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	_, err := t.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, t.remote.prefix+key, val, ttl)
		p.Publish(ctx, t.channel, t.message(key))
		return nil
	})
	if err != nil {
		// Nothing is kept locally either: a value that Redis does not hold
		// would be invisible to other processes' invalidations.
		_ = t.local.Delete(ctx, key)
		return fmt.Errorf("cache: redis set: %w", err)
	}
	return t.local.Set(ctx, key, val, min(ttl, t.localTTL))
}

// Delete implements Cache: both tiers here, then every other process's
// in-process tier through the invalidation channel.
func (t *TwoTier) Delete(ctx context.Context, keys ...string) error {
	if len(keys) == 0 {
		return nil
	}
	_ = t.local.Delete(ctx, keys...)
	full := make([]string, len(keys))
	for i, k := range keys {
		full[i] = t.remote.prefix + k
	}
	_, err := t.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Del(ctx, full...)
		p.Publish(ctx, t.channel, t.message(keys...))
		return nil
	})
	if err != nil {
		return fmt.Errorf("cache: redis delete: %w", err)
	}
	return nil
}

// message is "origin\nkey\nkey...".
func (t *TwoTier) message(keys ...string) string {
	return t.origin + "\n" + strings.Join(keys, "\n")
}

// listen drops the keys that other processes publish. When the subscription
// is lost and comes back, messages may have been missed, so the whole
// in-process tier is cleared.
func (t *TwoTier) listen() {
	defer close(t.done)
	ctx := context.Background()
	for {
		msg, err := t.pubsub.Receive(ctx)
		if err != nil {
			if t.closing.Load() || errors.Is(err, redis.ErrClosed) {
				return
			}
			t.local.Clear()
			t.logger.Warn("cache invalidation subscription interrupted", "cache", t.name, "err", err)
			time.Sleep(100 * time.Millisecond)
			continue
		}
		switch m := msg.(type) {
		case *redis.Subscription:
			t.local.Clear() // (re)subscribed: anything may have changed meanwhile
		case *redis.Message:
			origin, keys, _ := strings.Cut(m.Payload, "\n")
			if origin == t.origin {
				continue
			}
			_ = t.local.Delete(ctx, strings.Split(keys, "\n")...)
		}
	}
}

// Stats implements Statser.
func (t *TwoTier) Stats() Stats {
	return Stats{Name: t.name, Tiers: append(t.local.Stats().Tiers, t.remote.Stats().Tiers...)}
}
