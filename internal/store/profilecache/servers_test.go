package profilecache_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/postgres"
	"github.com/parleyhq/parley/internal/store/profilecache"
	"github.com/parleyhq/parley/internal/testenv"
)

// servers returns n decorated stores that behave like n server processes:
// each has its own PostgreSQL pool, Redis client and in-process tier; they
// share one database and one Redis key space.
func servers(t *testing.T, n int) []*profilecache.Store {
	t.Helper()
	ctx := context.Background()
	url := testenv.PostgresURL(t)
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	prefix := testenv.KeyPrefix(t)
	out := make([]*profilecache.Store, n)
	for i := range out {
		db, err := postgres.Open(ctx, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := dial.Up(ctx, db, nil); err != nil {
				t.Fatal(err)
			}
		}
		rdb := redis.NewClient(opt)
		s, closeCache, err := profilecache.Open(ctx, db, rdb, profilecache.Options{Prefix: prefix})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { closeCache(); rdb.Close(); db.Close() })
		out[i] = s
	}
	return out
}

// TestReadYourWritesAcrossProcesses writes through one process and reads at
// once through both, while background readers keep both in-process tiers
// warm with whatever version they last saw: no read may return a version
// older than the write that returned before it.
func TestReadYourWritesAcrossProcesses(t *testing.T) {
	ctx := context.Background()
	procs := servers(t, 2)
	const slug, writes = "ada", 200
	if _, _, err := procs[0].PutProfile(ctx, doc(slug, 0)); err != nil {
		t.Fatal(err)
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var background atomic.Int64
	for _, p := range procs {
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					if _, err := p.GetProfile(ctx, slug); err != nil {
						t.Error(err)
						return
					}
					background.Add(1)
				}
			}()
		}
	}

	stale := 0
	for i := 1; i <= writes; i++ {
		in := doc(slug, i)
		w, _, err := procs[i%2].PutProfile(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []*profilecache.Store{procs[i%2], procs[(i+1)%2]} {
			got, err := r.GetProfile(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			if got.Version < w.Version || got.Hash != in.Hash && got.Version == w.Version {
				stale++
				t.Errorf("write %d (version %d) then read: version %d", i, w.Version, got.Version)
			}
		}
	}
	close(stop)
	wg.Wait()
	t.Logf("%d writes, %d checked reads, %d stale; %d background reads", writes, 2*writes, stale, background.Load())

	var local uint64
	for _, p := range procs {
		local += p.Stats().Tiers[0].Hits
	}
	if local == 0 {
		t.Error("no read was answered by an in-process tier: the test did not exercise the cache")
	}
}
