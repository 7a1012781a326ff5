package sessionstate

import (
	"context"
	"sync"
)

// keyedMutex is one mutex per key, made on first use and dropped when its
// last user leaves, that a waiter can give up on when its context ends.
type keyedMutex struct {
	mu    sync.Mutex
	locks map[string]*keyLock
	// free holds records whose last user left, for the next key to take:
	// a session's lock is made and dropped on every uncontended turn, and
	// a record and its channel were two of a turn's allocations. A record
	// is free only with no holder and no waiter, so its channel is empty;
	// its gen keeps counting, so a release of an earlier hold stays a
	// no-op under a later key.
	free []*keyLock
}

// maxFreeLocks bounds the free list (the most sessions whose turns run at
// once that are worth remembering; more only allocate).
const maxFreeLocks = 256

type keyLock struct {
	ch    chan struct{}
	users int    // holder and waiters; guarded by keyedMutex.mu
	gen   uint64 // counts holds, so a second unlock of an old hold is a no-op; guarded by keyedMutex.mu
}

// lock waits for key's mutex or ctx's end; the returned function (safe to
// call twice) releases it. The function captures only values (no sync.Once
// or leave closure of its own): one allocation per hold, which every turn
// takes.
func (k *keyedMutex) lock(ctx context.Context, key string) (func(), error) {
	k.mu.Lock()
	if k.locks == nil {
		k.locks = map[string]*keyLock{}
	}
	l, ok := k.locks[key]
	if !ok {
		if n := len(k.free); n > 0 {
			l = k.free[n-1]
			k.free[n-1] = nil
			k.free = k.free[:n-1]
		} else {
			l = &keyLock{ch: make(chan struct{}, 1)}
		}
		k.locks[key] = l
	}
	l.users++
	k.mu.Unlock()
	select {
	case l.ch <- struct{}{}:
	case <-ctx.Done():
		k.mu.Lock()
		k.leaveLocked(key, l)
		k.mu.Unlock()
		return nil, ctx.Err()
	}
	k.mu.Lock()
	l.gen++
	held, gen := l, l.gen // captured by value (l is assigned twice)
	k.mu.Unlock()
	return func() {
		k.mu.Lock()
		defer k.mu.Unlock()
		if held.gen != gen {
			return // released already
		}
		held.gen++
		<-held.ch
		k.leaveLocked(key, held)
	}, nil
}

func (k *keyedMutex) leaveLocked(key string, l *keyLock) {
	l.users--
	if l.users == 0 {
		delete(k.locks, key)
		if len(k.free) < maxFreeLocks {
			k.free = append(k.free, l)
		}
	}
}
