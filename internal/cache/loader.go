package cache

import (
	"context"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/parleyhq/parley/internal/apperr"
)

// LoaderOptions configure a Loader. Zero values take the defaults.
type LoaderOptions struct {
	Name string // names the cache in Stats (default: the cache's own name)
	// Lease, when set, lets one process at a time load a key; the others
	// poll the cache for its value. Nil: one load per key per process.
	Lease        Lease
	LeaseTTL     time.Duration // how long a lease lasts and waiters poll (default 2s)
	PollInterval time.Duration // how often waiters look for the value (default 5ms)
	// NegativeTTL is how long a "not found" answer is cached (default 5s).
	NegativeTTL time.Duration
	// Jitter adds up to this fraction of the TTL at random, so that keys
	// filled together do not expire together (default 0.1; negative: none).
	Jitter float64
}

// Loader reads through a Cache: GetOrLoad answers from the cache or calls
// load once for all concurrent callers, caching values and "not found".
//
// Entries written by a Loader carry a one-byte header; read them only
// through the Loader.
type Loader struct {
	c     Cache
	opts  LoaderOptions
	group singleflight.Group

	loads, shared, negHits atomic.Uint64
}

var _ Statser = (*Loader)(nil)

// NewLoader returns a Loader over c.
func NewLoader(c Cache, opts LoaderOptions) *Loader {
	if opts.LeaseTTL <= 0 {
		opts.LeaseTTL = 2 * time.Second
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = 5 * time.Millisecond
	}
	if opts.NegativeTTL <= 0 {
		opts.NegativeTTL = 5 * time.Second
	}
	if opts.Jitter == 0 {
		opts.Jitter = 0.1
	}
	return &Loader{c: c, opts: opts}
}

// Cache returns the cache the Loader reads through.
func (l *Loader) Cache() Cache { return l.c }

// Entry headers.
const (
	tagValue    = 'v'
	tagNotFound = 'n'
)

// GetOrLoad returns the value of key, loading it with load on a miss and
// caching it for ttl (plus jitter). When load returns an apperr.NotFound
// error, that answer is cached for NegativeTTL and returned as an
// apperr.NotFound error to every caller meanwhile. Other load errors are
// returned and not cached. The returned slice must not be modified.
func (l *Loader) GetOrLoad(ctx context.Context, key string, ttl time.Duration, load func(context.Context) ([]byte, error)) ([]byte, error) {
	if v, ok, err := l.lookup(ctx, key); ok {
		return v, err
	}
	// The load runs on behalf of every waiter, so it must not die with
	// the first caller's context; each waiter still stops at its own.
	ch := l.group.DoChan(key, func() (any, error) {
		return l.fill(context.WithoutCancel(ctx), key, ttl, load)
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-ch:
		if r.Shared {
			l.shared.Add(1)
		}
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.([]byte), nil
	}
}

// peeker is a cache that can look without counting, so that a caller's
// miss counts once however often the Loader looks again.
type peeker interface {
	peek(ctx context.Context, key string) ([]byte, bool, error)
}

// lookup reads key, counted in the tiers' statistics.
func (l *Loader) lookup(ctx context.Context, key string) (v []byte, hit bool, err error) {
	return l.decode(l.c.Get(ctx, key))
}

// recheck reads key again after a counted miss.
func (l *Loader) recheck(ctx context.Context, key string) (v []byte, hit bool, err error) {
	if p, ok := l.c.(peeker); ok {
		return l.decode(p.peek(ctx, key))
	}
	return l.lookup(ctx, key)
}

// decode unwraps an entry. hit is false on a miss or a cache error; on a
// hit, err is the cached "not found", if that is what was cached.
func (l *Loader) decode(b []byte, ok bool, cerr error) (v []byte, hit bool, err error) {
	if cerr != nil || !ok || len(b) == 0 {
		return nil, false, nil
	}
	switch b[0] {
	case tagValue:
		return b[1:], true, nil
	case tagNotFound:
		l.negHits.Add(1)
		return nil, true, apperr.New(apperr.NotFound, "%s", b[1:])
	}
	return nil, false, nil // not ours: treat as a miss, the fill overwrites it
}

// fill runs once per key per process at a time.
func (l *Loader) fill(ctx context.Context, key string, ttl time.Duration, load func(context.Context) ([]byte, error)) ([]byte, error) {
	// Another caller may have filled the key between our miss and now.
	if v, ok, err := l.recheck(ctx, key); ok {
		return v, err
	}
	if l.opts.Lease != nil {
		release, got, err := l.opts.Lease.Acquire(ctx, key, l.opts.LeaseTTL)
		switch {
		case err != nil:
			// Redis trouble: load without the lease rather than fail.
		case got:
			defer release()
			if v, ok, err := l.recheck(ctx, key); ok { // filled just before we won
				return v, err
			}
		default:
			if v, ok, err := l.wait(ctx, key); ok {
				l.shared.Add(1)
				return v, err
			}
		}
	}
	l.loads.Add(1)
	v, err := load(ctx)
	if apperr.Is(err, apperr.NotFound) {
		_ = l.c.Set(ctx, key, append([]byte{tagNotFound}, apperr.MessageOf(err)...), l.jitter(l.opts.NegativeTTL))
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	_ = l.Put(ctx, key, v, ttl)
	return v, nil
}

// Put writes v under key for ttl (plus jitter), as a load would: for
// write-through by a caller that already holds the new value.
func (l *Loader) Put(ctx context.Context, key string, v []byte, ttl time.Duration) error {
	entry := make([]byte, 1+len(v))
	entry[0] = tagValue
	copy(entry[1:], v)
	return l.c.Set(ctx, key, entry, l.jitter(ttl))
}

// wait polls for the value that the lease holder is loading, for at most
// LeaseTTL.
func (l *Loader) wait(ctx context.Context, key string) (v []byte, hit bool, err error) {
	deadline := time.Now().Add(l.opts.LeaseTTL)
	t := time.NewTicker(l.opts.PollInterval)
	defer t.Stop()
	for time.Now().Before(deadline) {
		select {
		case <-ctx.Done():
			return nil, false, nil
		case <-t.C:
		}
		if v, ok, err := l.recheck(ctx, key); ok {
			return v, true, err
		}
	}
	return nil, false, nil
}

func (l *Loader) jitter(ttl time.Duration) time.Duration {
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	if l.opts.Jitter <= 0 {
		return ttl
	}
	return ttl + time.Duration(rand.Float64()*l.opts.Jitter*float64(ttl))
}

// Stats implements Statser: the cache's tiers plus the loader's counters.
func (l *Loader) Stats() Stats {
	var s Stats
	if st, ok := l.c.(Statser); ok {
		s = st.Stats()
	}
	if l.opts.Name != "" {
		s.Name = l.opts.Name
	}
	s.Loads, s.Shared, s.NegativeHits = l.loads.Load(), l.shared.Load(), l.negHits.Load()
	return s
}
