package profilecache_test

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/profilecache"
	"github.com/parleyhq/parley/internal/store/sqlite"
)

// fakeClock is a clock tests move by hand.
type fakeClock struct{ ns atomic.Int64 }

var clockBase = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func (c *fakeClock) now() time.Time          { return clockBase.Add(time.Duration(c.ns.Load())) }
func (c *fakeClock) advance(d time.Duration) { c.ns.Add(int64(d)) }

// embeddedProcesses opens one SQLite file twice, as `parley serve` (through
// the profile cache, without Redis, on clock) and as `parley import` (its
// own store, which the server's cache never hears from) would.
func embeddedProcesses(t *testing.T, clock *fakeClock) (server *profilecache.Store, importer store.Store) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parley.db")
	var dbs [2]*sqlite.DB
	for i := range dbs {
		db, err := sqlite.Open(ctx, path, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}
	if _, err := dial.Up(ctx, dbs[0], nil); err != nil {
		t.Fatal(err)
	}
	s, closeCache, err := profilecache.Open(ctx, dbs[0], nil, profilecache.Options{Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeCache() })
	return s, dbs[1]
}

// TestAnotherProcessWriteSeenWithinBound: without Redis, a write by another
// process on the same database (the CLI's import) is served by a running
// server from cache.MemoryVersionTTL after the server last read the
// database, not before (the cache answers meanwhile) and not later.
func TestAnotherProcessWriteSeenWithinBound(t *testing.T) {
	ctx := context.Background()
	clock := &fakeClock{}
	server, importer := embeddedProcesses(t, clock)
	const slug = "ada"
	if _, _, err := importer.PutProfile(ctx, doc(slug, 1)); err != nil {
		t.Fatal(err)
	}
	read := func(what string) int {
		t.Helper()
		p, err := server.GetProfile(ctx, slug)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if h, err := server.GetProfileHead(ctx, slug); err != nil || h.Version != p.Version {
			t.Fatalf("%s: head version %d (%v), profile version %d", what, h.Version, err, p.Version)
		}
		return p.Version
	}
	if v := read("first read"); v != 1 {
		t.Fatalf("first read: version %d, want 1", v)
	}
	loads := server.Stats().Loads
	if _, _, err := importer.PutProfile(ctx, doc(slug, 2)); err != nil {
		t.Fatal(err)
	}
	// Within the bound the cache answers, as it should: no database read.
	clock.advance(cache.MemoryVersionTTL)
	if v := read("at the bound"); v != 1 {
		t.Fatalf("at the bound: version %d; want the cached 1 (the test must exercise the cache)", v)
	}
	if n := server.Stats().Loads - loads; n != 0 {
		t.Errorf("reads within the bound reached the database %d times, want 0", n)
	}
	clock.advance(time.Nanosecond)
	if v := read("past the bound"); v != 2 {
		t.Fatalf("past the bound: version %d, want 2 (written by another process)", v)
	}
	// One database read renewed the pointer: the next reads are cached.
	loads = server.Stats().Loads
	for range 3 {
		if v := read("after the recheck"); v != 2 {
			t.Fatalf("after the recheck: version %d, want 2", v)
		}
	}
	if n := server.Stats().Loads - loads; n != 0 {
		t.Errorf("reads after the recheck reached the database %d times, want 0", n)
	}
}

// TestLapsedPointerIgnoresOlderNotFound: a slug asked for before it existed
// caches "not found"; created then by this process, it must be found when
// its pointer lapses too, while that "not found" is still cached.
func TestLapsedPointerIgnoresOlderNotFound(t *testing.T) {
	ctx := context.Background()
	clock := &fakeClock{}
	server, _ := embeddedProcesses(t, clock)
	if _, err := server.GetProfile(ctx, "grace"); err == nil {
		t.Fatal("unknown slug found")
	}
	in := doc("grace", 1)
	if _, _, err := server.PutProfile(ctx, in); err != nil {
		t.Fatal(err)
	}
	for _, step := range []time.Duration{0, cache.MemoryVersionTTL + 1, 3 * cache.MemoryVersionTTL} {
		clock.advance(step)
		if p, err := server.GetProfile(ctx, "grace"); err != nil || p.Hash != in.Hash {
			t.Fatalf("%s after creating it: %+v, %v", time.Duration(clock.ns.Load()), p.Version, err)
		}
	}
}
