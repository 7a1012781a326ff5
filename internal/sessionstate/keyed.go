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
	users int
}

// lock waits for key's mutex or ctx's end; the returned function (safe to
// call twice) releases it.
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
	leave := func() {
		k.mu.Lock()
		l.users--
		if l.users == 0 {
			delete(k.locks, key)
		}
		k.mu.Unlock()
	}
	select {
	case l.ch <- struct{}{}:
		var once sync.Once
		return func() {
			once.Do(func() {
				<-l.ch
				leave()
			})
		}, nil
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}
}
