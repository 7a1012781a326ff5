package cache

import (
	"context"
	"time"

	"github.com/maypok86/otter/v2"
)

// DefaultTTL applies when Set is given no TTL.
const DefaultTTL = 10 * time.Minute

type memItem struct {
	val []byte
	ttl time.Duration
}

// Memory is an in-process cache bounded in bytes, evicting by W-TinyLFU.
type Memory struct {
	c     *otter.Cache[string, memItem]
	count counters
}

var (
	_ Cache   = (*Memory)(nil)
	_ Statser = (*Memory)(nil)
)

// NewMemory returns a cache holding at most maxBytes of keys and values.
func NewMemory(maxBytes uint64) *Memory {
	m := &Memory{}
	m.c = otter.Must(&otter.Options[string, memItem]{
		MaximumWeight: maxBytes,
		Weigher: func(k string, v memItem) uint32 {
			return uint32(min(len(k)+len(v.val)+64, 1<<31))
		},
		ExpiryCalculator: otter.ExpiryWritingFunc(func(e otter.Entry[string, memItem]) time.Duration {
			return e.Value.ttl
		}),
		// Atomic: a counter increment needs no goroutine of its own.
		OnAtomicDeletion: func(e otter.DeletionEvent[string, memItem]) {
			if e.WasEvicted() {
				m.count.evictions.Add(1)
			}
		},
	})
	return m
}

// Get implements Cache. The returned slice is shared: callers must not
// modify it.
func (m *Memory) Get(_ context.Context, key string) ([]byte, bool, error) {
	it, ok := m.c.GetIfPresent(key)
	if !ok {
		m.count.misses.Add(1)
		return nil, false, nil
	}
	m.count.hits.Add(1)
	return it.val, true, nil
}

// peek is Get without counting: for the Loader's re-checks and polls,
// which would otherwise count one caller's miss several times.
func (m *Memory) peek(_ context.Context, key string) ([]byte, bool, error) {
	it, ok := m.c.GetIfPresent(key)
	return it.val, ok, nil
}

// Set implements Cache. The value is copied: callers may reuse val.
func (m *Memory) Set(_ context.Context, key string, val []byte, ttl time.Duration) error {
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	m.c.Set(key, memItem{val: append([]byte(nil), val...), ttl: ttl})
	return nil
}

// Delete implements Cache.
func (m *Memory) Delete(_ context.Context, keys ...string) error {
	for _, k := range keys {
		m.c.Invalidate(k)
	}
	return nil
}

// Clear drops every entry (after a lost invalidation subscription).
func (m *Memory) Clear() { m.c.InvalidateAll() }

// Stats implements Statser (Name is left empty: the owner names it). It
// first runs the cache's pending maintenance: otter enforces the bound
// asynchronously, so the size read without it may briefly exceed MaxBytes.
func (m *Memory) Stats() Stats {
	m.c.CleanUp()
	ts := m.count.snapshot(TierLocal)
	ts.Entries = uint64(m.c.EstimatedSize())
	ts.Bytes = m.c.WeightedSize()
	ts.MaxBytes = m.c.GetMaximum()
	return Stats{Tiers: []TierStats{ts}}
}
