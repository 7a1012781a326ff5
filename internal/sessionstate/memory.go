package sessionstate

import (
	"context"
	"sync"
	"time"
)

// Memory is the in-process Store.
type Memory struct {
	mu    sync.Mutex
	items map[string]memEntry
	locks map[string]*keyLock
}

type memEntry struct {
	state   []byte
	expires time.Time
}

// keyLock is a mutex that a waiter can give up on, with a count of users so
// that idle locks are dropped.
type keyLock struct {
	ch    chan struct{}
	users int
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty in-process store.
func NewMemory() *Memory {
	return &Memory{items: map[string]memEntry{}, locks: map[string]*keyLock{}}
}

// Get implements Store.
func (m *Memory) Get(_ context.Context, id string, ttl time.Duration) ([]byte, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.items[id]
	now := time.Now()
	if !ok || !now.Before(e.expires) {
		delete(m.items, id)
		return nil, false, nil
	}
	e.expires = now.Add(ttl)
	m.items[id] = e
	return e.state, true, nil
}

// Put implements Store.
func (m *Memory) Put(_ context.Context, id string, state []byte, ttl time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items[id] = memEntry{state: append([]byte(nil), state...), expires: time.Now().Add(ttl)}
	if len(m.items)%1024 == 0 {
		m.sweepLocked()
	}
	return nil
}

func (m *Memory) sweepLocked() {
	now := time.Now()
	for k, e := range m.items {
		if !now.Before(e.expires) {
			delete(m.items, k)
		}
	}
}

// Delete implements Store.
func (m *Memory) Delete(_ context.Context, id string) error {
	m.mu.Lock()
	delete(m.items, id)
	m.mu.Unlock()
	return nil
}

// Lock implements Store.
func (m *Memory) Lock(ctx context.Context, id string) (func(), error) {
	m.mu.Lock()
	l, ok := m.locks[id]
	if !ok {
		l = &keyLock{ch: make(chan struct{}, 1)}
		m.locks[id] = l
	}
	l.users++
	m.mu.Unlock()
	release := func() {
		m.mu.Lock()
		l.users--
		if l.users == 0 {
			delete(m.locks, id)
		}
		m.mu.Unlock()
	}
	select {
	case l.ch <- struct{}{}:
		var once sync.Once
		return func() {
			once.Do(func() {
				<-l.ch
				release()
			})
		}, nil
	case <-ctx.Done():
		release()
		return nil, ctx.Err()
	}
}
