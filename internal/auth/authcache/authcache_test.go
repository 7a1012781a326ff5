package authcache_test

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/auth/authcache"
	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/sqlite"
	"github.com/parleyhq/parley/internal/testenv"
)

// counting counts the lookups that reach the database.
type counting struct {
	auth.Store
	keyLookups, signingLoads atomic.Int64
}

func (c *counting) GetAPIKeyByHash(ctx context.Context, hash []byte) (auth.APIKey, error) {
	c.keyLookups.Add(1)
	return c.Store.GetAPIKeyByHash(ctx, hash)
}

func (c *counting) SigningKeys(ctx context.Context, now time.Time) ([]auth.StoredSigningKey, error) {
	c.signingLoads.Add(1)
	return c.Store.SigningKeys(ctx, now)
}

// newDB returns a migrated SQLite database.
func newDB(t testing.TB) auth.Store {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "parley.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := dial.Up(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	return db
}

// process is one simulated server process: its own cache and counters
// over the shared database (and the shared Redis, when there is one).
type process struct {
	db    *counting
	cache cache.Cache
	store *authcache.Store
}

// twoTier returns n processes whose caches share one Redis key space.
func twoTier(t testing.TB, n int) []process {
	t.Helper()
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	db, prefix := newDB(t), testenv.KeyPrefix(t)
	out := make([]process, n)
	for i := range out {
		rdb := redis.NewClient(opt)
		tt, err := cache.NewTwoTier(context.Background(), rdb, cache.TwoTierOptions{Name: "auth", Prefix: prefix})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tt.Close(); rdb.Close() })
		c := &counting{Store: db}
		out[i] = process{db: c, cache: tt, store: authcache.New(c, tt, authcache.Options{})}
	}
	return out
}

// memoryOnly returns one process with an in-process cache alone.
func memoryOnly(t testing.TB) process {
	c := &counting{Store: newDB(t)}
	return process{db: c, store: authcache.New(c, cache.NewMemory(1<<20), authcache.Options{APIKeyTTL: cache.MaxLocalTTL})}
}

func newKey(t testing.TB, st auth.Store) auth.APIKey {
	t.Helper()
	raw := auth.NewAPIKey()
	k := auth.APIKey{ID: auth.NewID(), Name: "ci", Hash: auth.Pepper("p3pper-p3pper-p3pper-p3pper-p3pper").Hash(auth.PurposeAPIKey, raw),
		Hint: auth.APIKeyHint(raw), Scopes: auth.Scopes{auth.ScopeProfilesRead}, CreatedAt: time.Now().UTC()}
	if err := st.CreateAPIKey(context.Background(), k); err != nil {
		t.Fatal(err)
	}
	return k
}

func mustLookup(t *testing.T, st auth.Store, hash []byte) auth.APIKey {
	t.Helper()
	k, err := st.GetAPIKeyByHash(context.Background(), hash)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// eventually polls cond: invalidations between processes travel by
// pub/sub, so they arrive soon but not synchronously. The limit is a
// liveness bound, not a latency goal.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 10 s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestAPIKeyLookupIsCachedAndRevocationIsImmediate(t *testing.T) {
	for _, tc := range []struct {
		name string
		proc func(tb testing.TB) process
	}{
		{"memory", memoryOnly},
		{"two-tier", func(tb testing.TB) process { return twoTier(tb, 1)[0] }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			p := tc.proc(t)
			k := newKey(t, p.store)
			for range 5 {
				if got := mustLookup(t, p.store, k.Hash); got.ID != k.ID || !got.RevokedAt.IsZero() {
					t.Fatalf("lookup = %+v", got)
				}
			}
			if n := p.db.keyLookups.Load(); n != 1 {
				t.Errorf("5 lookups reached the database %d times, want 1", n)
			}
			if err := p.store.RevokeAPIKey(ctx, k.ID, time.Now()); err != nil {
				t.Fatal(err)
			}
			if got := mustLookup(t, p.store, k.Hash); got.RevokedAt.IsZero() {
				t.Error("the revoking process still sees the key active")
			}
		})
	}
}

func TestAPIKeyRevokedOnOneProcessIsRefusedByTheOther(t *testing.T) {
	ctx := context.Background()
	p := twoTier(t, 2)
	k := newKey(t, p[0].store)
	for _, pr := range p { // both hold the active key in their in-process tier
		mustLookup(t, pr.store, k.Hash)
		mustLookup(t, pr.store, k.Hash)
	}
	if err := p[0].store.RevokeAPIKey(ctx, k.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	eventually(t, "process 1 refuses the key revoked on process 0", func() bool {
		return !mustLookup(t, p[1].store, k.Hash).RevokedAt.IsZero()
	})
	// Before the revocation Redis answered process 1 (process 0 had loaded
	// the key); after it, the entry is gone and process 1 loads it again.
	if n0, n1 := p[0].db.keyLookups.Load(), p[1].db.keyLookups.Load(); n0 != 1 || n1 != 1 {
		t.Errorf("database lookups: process 0 %d, process 1 %d; want 1 and 1", n0, n1)
	}
}

// TestAPIKeyRevokedByAnotherClient revokes through a Store that never
// looked the key up (as `parley admin apikey revoke` does).
func TestAPIKeyRevokedByAnotherClient(t *testing.T) {
	p := twoTier(t, 2)
	k := newKey(t, p[0].store)
	mustLookup(t, p[0].store, k.Hash)
	if err := p[1].store.RevokeAPIKey(context.Background(), k.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	eventually(t, "process 0 refuses the key revoked by the admin client", func() bool {
		return !mustLookup(t, p[0].store, k.Hash).RevokedAt.IsZero()
	})
}

func TestAPIKeyTouchRefreshesAndCreateClearsNotFound(t *testing.T) {
	ctx := context.Background()
	p := memoryOnly(t)
	k := newKey(t, p.store)
	mustLookup(t, p.store, k.Hash)
	at := time.Now().UTC().Truncate(time.Second)
	if err := p.store.TouchAPIKey(ctx, k.ID, at); err != nil {
		t.Fatal(err)
	}
	if got := mustLookup(t, p.store, k.Hash); !got.LastUsedAt.Equal(at) {
		t.Errorf("last used %v after touch at %v", got.LastUsedAt, at)
	}

	// A lookup of a key that does not exist yet is cached as not found;
	// creating the key must clear that.
	raw := auth.NewAPIKey()
	hash := auth.Pepper("p3pper-p3pper-p3pper-p3pper-p3pper").Hash(auth.PurposeAPIKey, raw)
	if _, err := p.store.GetAPIKeyByHash(ctx, hash); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("unknown key: %v, want not found", err)
	}
	k2 := auth.APIKey{ID: auth.NewID(), Name: "new", Hash: hash, Hint: auth.APIKeyHint(raw), Scopes: auth.Scopes{auth.ScopeProfilesRead}, CreatedAt: time.Now().UTC()}
	if err := p.store.CreateAPIKey(ctx, k2); err != nil {
		t.Fatal(err)
	}
	if got := mustLookup(t, p.store, hash); got.ID != k2.ID {
		t.Errorf("after create: %+v", got)
	}
}

func rotate(t *testing.T, st auth.Store) string {
	t.Helper()
	now := time.Now()
	k, err := auth.GenerateSigningKey(auth.AlgES256, now)
	if err != nil {
		t.Fatal(err)
	}
	jwk, err := k.MarshalPrivate()
	if err != nil {
		t.Fatal(err)
	}
	stored := auth.StoredSigningKey{ID: k.ID, Algorithm: k.Algorithm, PrivateJWK: jwk, CreatedAt: k.CreatedAt}
	if err := st.RotateSigningKey(context.Background(), stored, now, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	return k.ID
}

func newestKey(t *testing.T, st auth.Store) string {
	t.Helper()
	keys, err := st.SigningKeys(context.Background(), time.Now())
	if err != nil || len(keys) == 0 {
		t.Fatalf("signing keys: %v, %v", keys, err)
	}
	return keys[0].ID
}

func TestSigningKeysCachedUntilRotation(t *testing.T) {
	p := twoTier(t, 2)
	first := rotate(t, p[0].store)
	for _, pr := range p {
		for range 5 {
			if got := newestKey(t, pr.store); got != first {
				t.Fatalf("newest key %s, want %s", got, first)
			}
		}
		if n := pr.db.signingLoads.Load(); n != 1 {
			t.Errorf("5 reads of the signing keys reached the database %d times, want 1", n)
		}
	}
	second := rotate(t, p[0].store)
	if got := newestKey(t, p[0].store); got != second {
		t.Errorf("rotating process: newest key %s, want %s", got, second)
	}
	eventually(t, "process 1 sees the key rotated on process 0", func() bool { return newestKey(t, p[1].store) == second })
}

// racing calls between after the first database read of an API key and
// before that read's result reaches the cache: the moment a lookup is
// exposed to a concurrent write.
type racing struct {
	auth.Store
	between atomic.Pointer[func()]
}

func (r *racing) GetAPIKeyByHash(ctx context.Context, hash []byte) (auth.APIKey, error) {
	k, err := r.Store.GetAPIKeyByHash(ctx, hash)
	if f := r.between.Swap(nil); f != nil {
		(*f)()
	}
	return k, err
}

// raceSetup is where a write races a load: loader loads through r, writer
// writes, cold has never looked the key up (nil: none, one process).
type raceSetup struct {
	r                    *racing
	loader, writer, cold auth.Store
}

// TestWriteDuringALoadIsNotUndoneByIt reproduces the race that deleting
// entries cannot close: the loader reads the key's row, the writer writes
// it (revokes or creates the key) and invalidates, then the loader caches
// what it read. A process with a cold in-process tier must see the write
// at once, the loader's process at once when it is the writer and within
// the pub/sub bound when it is not.
func TestWriteDuringALoadIsNotUndoneByIt(t *testing.T) {
	topologies := []struct {
		name  string
		setup func(t *testing.T) raceSetup
	}{
		{"two-tier", func(t *testing.T) raceSetup {
			p := twoTier(t, 3)
			r := &racing{Store: p[1].db}
			return raceSetup{r: r, loader: authcache.New(r, p[1].cache, authcache.Options{}), writer: p[0].store, cold: p[2].store}
		}},
		{"memory", func(t *testing.T) raceSetup {
			r := &racing{Store: newDB(t)}
			st := authcache.New(r, cache.NewMemory(1<<20), authcache.Options{APIKeyTTL: cache.MaxLocalTTL})
			return raceSetup{r: r, loader: st, writer: st}
		}},
	}
	writes := []struct {
		name  string
		key   func(tb testing.TB, st auth.Store) auth.APIKey // the key, created or not
		write func(ctx context.Context, st auth.Store, k auth.APIKey) error
		seen  func(k auth.APIKey, err error) bool // a lookup sees the write
	}{
		{"revoke", newKey,
			func(ctx context.Context, st auth.Store, k auth.APIKey) error {
				return st.RevokeAPIKey(ctx, k.ID, time.Now())
			},
			func(k auth.APIKey, err error) bool { return err == nil && !k.RevokedAt.IsZero() }},
		{"create", func(testing.TB, auth.Store) auth.APIKey {
			raw := auth.NewAPIKey()
			return auth.APIKey{ID: auth.NewID(), Name: "late", Hash: auth.Pepper("p3pper-p3pper-p3pper-p3pper-p3pper").Hash(auth.PurposeAPIKey, raw),
				Hint: auth.APIKeyHint(raw), Scopes: auth.Scopes{auth.ScopeProfilesRead}, CreatedAt: time.Now().UTC()}
		},
			func(ctx context.Context, st auth.Store, k auth.APIKey) error { return st.CreateAPIKey(ctx, k) },
			func(k auth.APIKey, err error) bool { return err == nil }},
	}
	for _, top := range topologies {
		for _, w := range writes {
			t.Run(top.name+"/"+w.name, func(t *testing.T) {
				ctx := context.Background()
				rs := top.setup(t)
				k := w.key(t, rs.writer)
				var writeErr error
				write := func() { writeErr = w.write(ctx, rs.writer, k) }
				rs.r.between.Store(&write)
				// This lookup began before the write: either answer is right.
				if _, err := rs.loader.GetAPIKeyByHash(ctx, k.Hash); err != nil && !apperr.Is(err, apperr.NotFound) {
					t.Fatal(err)
				}
				if writeErr != nil {
					t.Fatal(writeErr)
				}
				if rs.r.between.Load() != nil {
					t.Fatal("the lookup did not reach the database")
				}
				if rs.cold != nil {
					if got, err := rs.cold.GetAPIKeyByHash(ctx, k.Hash); !w.seen(got, err) {
						t.Errorf("a process with a cold in-process tier, after the %s: %+v, %v", w.name, got, err)
					}
				}
				if rs.loader == rs.writer {
					if got, err := rs.loader.GetAPIKeyByHash(ctx, k.Hash); !w.seen(got, err) {
						t.Errorf("the writing process, after the %s: %+v, %v", w.name, got, err)
					}
					return
				}
				eventually(t, "the process whose load raced the "+w.name+" sees it", func() bool {
					return w.seen(rs.loader.GetAPIKeyByHash(ctx, k.Hash))
				})
			})
		}
	}
}
