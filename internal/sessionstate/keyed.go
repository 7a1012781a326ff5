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
}

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
		l = &keyLock{ch: make(chan struct{}, 1)}
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
	}
}
