package cache

import (
	"context"
	"sync"
	"time"
)

// readCoalescer shares pointer reads among concurrent readers of one name
// without weakening read-your-writes: a reader never takes the answer of a
// read that was sent before it arrived (it could predate an Advance the
// reader has seen return, which is what singleflight would allow). At most
// one read per name is in flight; readers arriving meanwhile queue for the
// next one, which goes out when the current one answers. A busy profile's
// turns then make about one Redis round trip per round-trip time instead
// of one each; a reader may wait for up to two round trips instead of one.
type readCoalescer struct {
	fetch   func(ctx context.Context, name string) (int64, error)
	timeout time.Duration // bounds one shared read (no one caller's context)

	mu    sync.Mutex
	names map[string]*nameReads
}

// nameReads is one name's flight: next, when not nil, is the read the
// readers that arrived during the current flight wait for.
type nameReads struct {
	next *sharedRead
}

type sharedRead struct {
	done    chan struct{}
	v       int64
	err     error
	joiners int // readers queued for it (under readCoalescer.mu; tests watch it)
}

func newReadCoalescer(fetch func(ctx context.Context, name string) (int64, error), timeout time.Duration) *readCoalescer {
	return &readCoalescer{fetch: fetch, timeout: timeout, names: map[string]*nameReads{}}
}

// read returns name's pointer from a read sent after read was called.
func (c *readCoalescer) read(ctx context.Context, name string) (int64, error) {
	c.mu.Lock()
	st, busy := c.names[name]
	if busy {
		r := st.next
		if r == nil {
			r = &sharedRead{done: make(chan struct{})}
			st.next = r
		}
		r.joiners++
		c.mu.Unlock()
		return r.wait(ctx)
	}
	st = &nameReads{}
	c.names[name] = st
	c.mu.Unlock()
	r := &sharedRead{done: make(chan struct{})}
	c.fly(name, st, r)
	return r.wait(ctx)
}

// fly sends r, answers its readers, then hands the next queued read (if
// any) to a new goroutine, so that this caller returns now even when
// readers keep arriving.
func (c *readCoalescer) fly(name string, st *nameReads, r *sharedRead) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	r.v, r.err = c.fetch(ctx, name)
	cancel()
	close(r.done)
	c.mu.Lock()
	next := st.next
	st.next = nil
	if next == nil {
		delete(c.names, name)
	}
	c.mu.Unlock()
	if next != nil {
		go c.fly(name, st, next)
	}
}

func (r *sharedRead) wait(ctx context.Context) (int64, error) {
	select {
	case <-r.done:
		return r.v, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
