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
func newDB(t *testing.T) auth.Store {
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
func twoTier(t *testing.T, n int) []process {
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
func memoryOnly(t *testing.T) process {
	c := &counting{Store: newDB(t)}
	return process{db: c, store: authcache.New(c, cache.NewMemory(1<<20), authcache.Options{APIKeyTTL: cache.MaxLocalTTL})}
}

func newKey(t *testing.T, st auth.Store) auth.APIKey {
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
		proc func(t *testing.T) process
	}{
		{"memory", memoryOnly},
		{"two-tier", func(t *testing.T) process { return twoTier(t, 1)[0] }},
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

// TestWriteDuringALoadIsNotUndoneByIt reproduces the race invalidation by
// deletion cannot close: process 1 reads the key's row, process 0 writes
// it (revokes or creates the key) and invalidates, then process 1 caches
// what it read. A third process, whose in-process tier is empty, must see
// the write at once; process 1 within the pub/sub bound.
func TestWriteDuringALoadIsNotUndoneByIt(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, st auth.Store) auth.APIKey // the key, created or not
		write func(ctx context.Context, st auth.Store, k auth.APIKey) error
		ok    func(k auth.APIKey, err error) bool // the lookup sees the write
	}{
		{"revoke", newKey,
			func(ctx context.Context, st auth.Store, k auth.APIKey) error {
				return st.RevokeAPIKey(ctx, k.ID, time.Now())
			},
			func(k auth.APIKey, err error) bool { return err == nil && !k.RevokedAt.IsZero() }},
		{"create", func(t *testing.T, _ auth.Store) auth.APIKey {
			raw := auth.NewAPIKey()
			return auth.APIKey{ID: auth.NewID(), Name: "late", Hash: auth.Pepper("p3pper-p3pper-p3pper-p3pper-p3pper").Hash(auth.PurposeAPIKey, raw),
				Hint: auth.APIKeyHint(raw), Scopes: auth.Scopes{auth.ScopeProfilesRead}, CreatedAt: time.Now().UTC()}
		},
			func(ctx context.Context, st auth.Store, k auth.APIKey) error { return st.CreateAPIKey(ctx, k) },
			func(k auth.APIKey, err error) bool { return err == nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			p := twoTier(t, 3)
			r := &racing{Store: p[1].db}
			loader := authcache.New(r, p[1].cache, authcache.Options{})
			k := tc.setup(t, p[0].store)
			var writeErr error
			write := func() { writeErr = tc.write(ctx, p[0].store, k) }
			r.between.Store(&write)
			if _, err := loader.GetAPIKeyByHash(ctx, k.Hash); tc.name == "revoke" && err != nil {
				t.Fatal(err)
			}
			if writeErr != nil {
				t.Fatal(writeErr)
			}
			if r.between.Load() != nil {
				t.Fatal("the lookup did not reach the database")
			}
			if got, err := p[2].store.GetAPIKeyByHash(ctx, k.Hash); !tc.ok(got, err) {
				t.Errorf("a process with a cold in-process tier, after the %s: %+v, %v", tc.name, got, err)
			}
			eventually(t, "the process whose load raced the "+tc.name+" sees it", func() bool {
				return tc.ok(loader.GetAPIKeyByHash(ctx, k.Hash))
			})
		})
	}
}
