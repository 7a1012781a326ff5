package ratelimit

import (
	"context"
	"hash/maphash"
	"sync"
	"time"
)

const shardCount = 64

// Memory is an in-process Limiter. Keys are spread over shards, each with its
// own mutex, so that concurrent callers on different keys rarely contend. A
// key whose state has returned to a full burst carries no information and is
// dropped by Sweep (run periodically by Run).
type Memory struct {
	now    func() time.Time
	seed   maphash.Seed
	shards [shardCount]shard
}

// A key's theoretical arrival time is kept behind a pointer so that a
// known key is updated in place: assigning to a map entry stores the key
// anew, which AllowAt (given the key's bytes) would have to allocate.
type shard struct {
	mu   sync.Mutex
	tats map[string]*time.Time
}

var _ Limiter = (*Memory)(nil)

// NewMemory returns an empty in-process limiter. now is the clock (nil means
// time.Now); tests pass a fake one.
func NewMemory(now func() time.Time) *Memory {
	if now == nil {
		now = time.Now
	}
	m := &Memory{now: now, seed: maphash.MakeSeed()}
	for i := range m.shards {
		m.shards[i].tats = make(map[string]*time.Time)
	}
	return m
}

// Allow implements Limiter.
func (m *Memory) Allow(_ context.Context, key string, limit Limit) (Result, error) {
	if err := limit.Validate(); err != nil {
		return Result{}, err
	}
	s := &m.shards[maphash.String(m.seed, key)%shardCount]
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.tats[key]; p != nil {
		res, tat := gcra(m.now(), *p, limit)
		*p = tat
		return res, nil
	}
	res, tat := gcra(m.now(), time.Time{}, limit)
	s.tats[key] = &tat
	return res, nil
}

// AllowAt is Allow for a key given as bytes, at now (the caller's clock
// reading, saving one): a known key costs no allocation.
func (m *Memory) AllowAt(key []byte, limit Limit, now time.Time) (Result, error) {
	if err := limit.Validate(); err != nil {
		return Result{}, err
	}
	s := &m.shards[maphash.Bytes(m.seed, key)%shardCount]
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.tats[string(key)]; p != nil { // no conversion: a lookup
		res, tat := gcra(now, *p, limit)
		*p = tat
		return res, nil
	}
	res, tat := gcra(now, time.Time{}, limit)
	s.tats[string(key)] = &tat
	return res, nil
}

// Sweep forgets keys whose theoretical arrival time has passed: they are
// back to a full burst, which is what an absent key means too.
// It returns how many keys it removed.
func (m *Memory) Sweep() int {
	now := m.now()
	removed := 0
	for i := range m.shards {
		s := &m.shards[i]
		s.mu.Lock()
		for k, tat := range s.tats {
			if !tat.After(now) {
				delete(s.tats, k)
				removed++
			}
		}
		s.mu.Unlock()
	}
	return removed
}

// Len returns the number of keys held.
func (m *Memory) Len() int {
	n := 0
	for i := range m.shards {
		s := &m.shards[i]
		s.mu.Lock()
		n += len(s.tats)
		s.mu.Unlock()
	}
	return n
}

// Run sweeps idle keys every interval until ctx ends.
func (m *Memory) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			m.Sweep()
		}
	}
}
