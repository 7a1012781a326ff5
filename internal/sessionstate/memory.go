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
	locks keyedMutex
}

type memEntry struct {
	state   []byte
	expires time.Time
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty in-process store.
func NewMemory() *Memory {
	return &Memory{items: map[string]memEntry{}}
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
	return m.locks.lock(ctx, id)
}

// Acquire implements Store.
func (m *Memory) Acquire(ctx context.Context, id string, ttl time.Duration) ([]byte, bool, func([]byte) error, error) {
	unlock, err := m.Lock(ctx, id)
	if err != nil {
		return nil, false, nil, err
	}
	state, found, _ := m.Get(ctx, id, ttl)
	return state, found, func(next []byte) error {
		defer unlock()
		if next != nil {
			return m.Put(context.Background(), id, next, ttl)
		}
		return nil
	}, nil
}
