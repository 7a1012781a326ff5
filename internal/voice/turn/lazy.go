package turn

import (
	"context"
	"sync/atomic"
)

// lazy is data loaded on first use and kept: the voice pipeline's large
// files (the pronunciation dictionary, the word list) cost a text-only
// server nothing, in memory or in GC work. Concurrent first uses wait for
// one load; a failed load is reported to the caller that ran it, and the
// next caller (waiting or new) tries again rather than being given the
// old error, so a file restored after a failure needs no restart.
type lazy[T any] struct {
	v    atomic.Pointer[T]
	busy chan struct{} // holds one token while a load runs
	load func(context.Context) (T, error)
}

func newLazy[T any](load func(context.Context) (T, error)) *lazy[T] {
	return &lazy[T]{busy: make(chan struct{}, 1), load: load}
}

// get returns the value, loading it first if no load has succeeded yet.
// A caller waiting behind another's load gives up when ctx ends.
func (l *lazy[T]) get(ctx context.Context) (T, error) {
	if v := l.v.Load(); v != nil {
		return *v, nil
	}
	var zero T
	select {
	case l.busy <- struct{}{}:
	case <-ctx.Done():
		return zero, ctx.Err()
	}
	defer func() { <-l.busy }()
	if v := l.v.Load(); v != nil {
		return *v, nil
	}
	v, err := l.load(ctx)
	if err != nil {
		return zero, err
	}
	l.v.Store(&v)
	return v, nil
}

// loaded reports whether a load has succeeded.
func (l *lazy[T]) loaded() bool { return l.v.Load() != nil }
