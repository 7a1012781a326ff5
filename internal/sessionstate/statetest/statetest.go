// Package statetest is the conformance suite of the session-state port.
package statetest

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/sessionstate"
)

// Run runs the suite. newStore returns two handles on one empty store (two
// replicas for Redis; the same value for the in-process store).
func Run(t *testing.T, newStore func(t *testing.T) (sessionstate.Store, sessionstate.Store)) {
	ctx := context.Background()
	t.Run("PutGetDelete", func(t *testing.T) {
		s, other := newStore(t)
		if _, ok, err := s.Get(ctx, "a", time.Minute); ok || err != nil {
			t.Fatalf("empty store: %v %v", ok, err)
		}
		if err := s.Put(ctx, "a", []byte(`{"n":1}`), time.Minute); err != nil {
			t.Fatal(err)
		}
		got, ok, err := other.Get(ctx, "a", time.Minute)
		if err != nil || !ok || string(got) != `{"n":1}` {
			t.Fatalf("Get = %s %v %v", got, ok, err)
		}
		if err := other.Delete(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.Get(ctx, "a", time.Minute); ok {
			t.Fatal("present after Delete")
		}
	})
	t.Run("SlidingTTL", func(t *testing.T) {
		s, _ := newStore(t)
		if err := s.Put(ctx, "a", []byte("x"), 300*time.Millisecond); err != nil {
			t.Fatal(err)
		}
		// Reading with a long TTL keeps it alive past the original expiry.
		if _, ok, _ := s.Get(ctx, "a", time.Minute); !ok {
			t.Fatal("missing right after Put")
		}
		time.Sleep(500 * time.Millisecond)
		if _, ok, _ := s.Get(ctx, "a", 100*time.Millisecond); !ok {
			t.Fatal("expired although a read extended it")
		}
		deadline := time.Now().Add(3 * time.Second)
		for {
			if _, ok, _ := s.Get(ctx, "a", 100*time.Millisecond); !ok {
				break
			}
			time.Sleep(150 * time.Millisecond) // each read re-arms 100ms; sleep past it
			if time.Now().After(deadline) {
				t.Fatal("never expired")
			}
		}
	})
	t.Run("LockIsExclusiveAcrossHandles", func(t *testing.T) {
		a, b := newStore(t)
		var inside, maxInside, done atomic.Int32
		var wg sync.WaitGroup
		for i := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := a
				if i%2 == 1 {
					s = b
				}
				unlock, err := s.Lock(ctx, "sess")
				if err != nil {
					t.Error(err)
					return
				}
				n := inside.Add(1)
				for {
					m := maxInside.Load()
					if n <= m || maxInside.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(2 * time.Millisecond)
				inside.Add(-1)
				done.Add(1)
				unlock()
			}()
		}
		wg.Wait()
		if maxInside.Load() != 1 || done.Load() != 16 {
			t.Fatalf("max holders at once %d (want 1), completed %d (want 16)", maxInside.Load(), done.Load())
		}
	})
	t.Run("LockWaitHonoursContext", func(t *testing.T) {
		s, _ := newStore(t)
		unlock, err := s.Lock(ctx, "busy")
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
		cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
		defer cancel()
		if _, err := s.Lock(cctx, "busy"); err == nil {
			t.Fatal("second Lock succeeded while the first is held")
		}
		other, err := s.Lock(ctx, "free")
		if err != nil {
			t.Fatalf("lock on another id: %v", err)
		}
		other()
	})
	t.Run("AcquireReadsAndReleaseWrites", func(t *testing.T) {
		a, b := newStore(t)
		state, found, release, err := a.Acquire(ctx, "s", time.Minute)
		if err != nil || found || state != nil {
			t.Fatalf("Acquire on empty = %q %v %v", state, found, err)
		}
		if err := release([]byte(`{"turn":1}`)); err != nil {
			t.Fatal(err)
		}
		state, found, release, err = b.Acquire(ctx, "s", time.Minute)
		if err != nil || !found || string(state) != `{"turn":1}` {
			t.Fatalf("Acquire after release = %q %v %v", state, found, err)
		}
		// Releasing with nil keeps the stored state.
		if err := release(nil); err != nil {
			t.Fatal(err)
		}
		if got, ok, _ := a.Get(ctx, "s", time.Minute); !ok || string(got) != `{"turn":1}` {
			t.Fatalf("after release(nil) Get = %q %v", got, ok)
		}
	})
	t.Run("AcquireIsExclusiveWithLock", func(t *testing.T) {
		a, b := newStore(t)
		var inside, maxInside atomic.Int32
		var wg sync.WaitGroup
		for i := range 24 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := []sessionstate.Store{a, b}[i%2]
				var done func()
				if i%3 == 0 {
					unlock, err := s.Lock(ctx, "sess")
					if err != nil {
						t.Error(err)
						return
					}
					done = unlock
				} else {
					_, _, release, err := s.Acquire(ctx, "sess", time.Minute)
					if err != nil {
						t.Error(err)
						return
					}
					done = func() { _ = release([]byte("x")) }
				}
				n := inside.Add(1)
				for {
					m := maxInside.Load()
					if n <= m || maxInside.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(time.Millisecond)
				inside.Add(-1)
				done()
			}()
		}
		wg.Wait()
		if maxInside.Load() != 1 {
			t.Fatalf("max holders at once %d, want 1", maxInside.Load())
		}
	})
	t.Run("AcquireWaitHonoursContext", func(t *testing.T) {
		a, b := newStore(t)
		_, _, release, err := a.Acquire(ctx, "busy", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = release(nil) }()
		cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
		defer cancel()
		if _, _, _, err := b.Acquire(cctx, "busy", time.Minute); err == nil {
			t.Fatal("second Acquire succeeded while the first is held")
		}
	})
}
