package sessionstate

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestKeyedMutexAllocations: an uncontended hold of a key (every turn's)
// makes only its release function; the lock record and its channel are
// reused from the last key released.
func TestKeyedMutexAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	var k keyedMutex
	ctx := context.Background()
	keys := []string{"a", "b", "c"}
	i := 0
	n := testing.AllocsPerRun(200, func() {
		unlock, err := k.lock(ctx, keys[i%len(keys)])
		if err != nil {
			t.Fatal(err)
		}
		unlock()
		i++
	})
	if n > 1 {
		t.Errorf("%v allocations per hold, want at most 1 (the release function)", n)
	}
}

// TestKeyedMutexStaleReleaseOfReusedRecord: releasing a hold a second
// time, after its record went back to the free list and now serves another
// key's holder, does not release that holder.
func TestKeyedMutexStaleReleaseOfReusedRecord(t *testing.T) {
	var k keyedMutex
	ctx := context.Background()
	first, err := k.lock(ctx, "old")
	if err != nil {
		t.Fatal(err)
	}
	first()
	second, err := k.lock(ctx, "new") // takes the record "old" left
	if err != nil {
		t.Fatal(err)
	}
	defer second()
	if len(k.free) != 0 {
		t.Fatalf("free list holds %d records, want the one reused", len(k.free))
	}
	first() // stale: must be a no-op
	cctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := k.lock(cctx, "new"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("lock of a held key: %v, want it to wait until the context ends", err)
	}
}

// TestKeyedMutexExcludesWithReuse: holders of one key never overlap while
// records move between keys through the free list, and waiters that give
// up leave nothing held.
func TestKeyedMutexExcludesWithReuse(t *testing.T) {
	var k keyedMutex
	const keys, workers, rounds = 4, 8, 200
	inside := make([]int, keys)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				key := (w + r) % keys
				ctx := context.Background()
				if r%7 == 0 {
					c, cancel := context.WithTimeout(ctx, time.Microsecond)
					defer cancel()
					ctx = c
				}
				unlock, err := k.lock(ctx, fmt.Sprint("s", key))
				if err != nil {
					continue
				}
				mu.Lock()
				inside[key]++
				if inside[key] != 1 {
					t.Errorf("key %d held by %d at once", key, inside[key])
				}
				mu.Unlock()
				time.Sleep(time.Microsecond)
				mu.Lock()
				inside[key]--
				mu.Unlock()
				unlock()
				unlock() // a second call is a no-op
			}
		}(w)
	}
	wg.Wait()
	if len(k.locks) != 0 {
		t.Errorf("%d keys still locked after every holder left", len(k.locks))
	}
}
