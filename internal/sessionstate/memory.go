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
	decoded any // decoded from state by the caller, or nil
	expires time.Time
}

var (
	_ Store   = (*Memory)(nil)
	_ Decoder = (*Memory)(nil)
)

// NewMemory returns an empty in-process store.
func NewMemory() *Memory {
	return &Memory{items: map[string]memEntry{}}
}

// Get implements Store.
func (m *Memory) Get(_ context.Context, id string, ttl time.Duration) ([]byte, bool, error) {
	e, ok := m.get(id, ttl)
	return e.state, ok, nil
}

func (m *Memory) get(id string, ttl time.Duration) (memEntry, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.items[id]
	now := time.Now()
	if !ok || !now.Before(e.expires) {
		delete(m.items, id)
		return memEntry{}, false
	}
	e.expires = now.Add(ttl)
	m.items[id] = e
	return e, true
}

// Put implements Store.
func (m *Memory) Put(_ context.Context, id string, state []byte, ttl time.Duration) error {
	m.put(id, append([]byte(nil), state...), nil, ttl)
	return nil
}

// put stores state itself (callers copy what they do not give up).
func (m *Memory) put(id string, state []byte, decoded any, ttl time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items[id] = memEntry{state: state, decoded: decoded, expires: time.Now().Add(ttl)}
	if len(m.items)%1024 == 0 {
		m.sweepLocked()
	}
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
	state, _, found, release, err := m.AcquireDecoded(ctx, id, ttl)
	if err != nil {
		return nil, false, nil, err
	}
	return state, found, func(next []byte) error {
		if next != nil {
			next = append([]byte(nil), next...)
		}
		return release(next, nil)
	}, nil
}

// AcquireDecoded implements Decoder. Its release keeps next without
// copying it (a turn's next state is built for it and not touched again).
func (m *Memory) AcquireDecoded(ctx context.Context, id string, ttl time.Duration) ([]byte, any, bool, func([]byte, any) error, error) {
	unlock, err := m.Lock(ctx, id)
	if err != nil {
		return nil, nil, false, nil, err
	}
	e, found := m.get(id, ttl)
	return e.state, e.decoded, found, func(next []byte, decoded any) error {
		defer unlock()
		if next != nil {
			m.put(id, next, decoded, ttl)
		}
		return nil
	}, nil
}
