package profilecache_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/profilecache"
)

// fakeProfiles is an in-memory store.Store for the profile methods only,
// counting the reads that reach it.
type fakeProfiles struct {
	store.Store // nil: other methods are not used here
	mu          sync.Mutex
	m           map[string]store.Profile
	gets        atomic.Int64
}

func newFake() *fakeProfiles { return &fakeProfiles{m: map[string]store.Profile{}} }

func (f *fakeProfiles) PutProfile(_ context.Context, in store.ProfileInput) (store.Profile, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	cur, ok := f.m[in.Slug]
	if ok && cur.Hash == in.Hash {
		return cur, false, nil
	}
	p := store.Profile{Slug: in.Slug, Version: cur.Version + 1, Document: in.Document, Hash: in.Hash, Public: in.Public, Privacy: in.Privacy}
	f.m[in.Slug] = p
	return p, true, nil
}

func (f *fakeProfiles) GetProfile(_ context.Context, slug string) (store.Profile, error) {
	f.gets.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.m[slug]
	if !ok {
		return store.Profile{}, apperr.New(apperr.NotFound, "profile %q not found", slug)
	}
	return p, nil
}

// doc returns a document and its hash, as the profile service would.
func doc(slug string, n int) store.ProfileInput {
	d := fmt.Appendf(nil, `{"basics":{"name":%q,"summary":"revision %d"}}`, slug, n)
	sum := sha256.Sum256(d)
	return store.ProfileInput{Slug: slug, Document: d, Hash: hex.EncodeToString(sum[:]), Public: true}
}

// inProcess is the single-process set-up (no Redis).
func inProcess(next store.Store) *profilecache.Store {
	l := cache.NewLoader(cache.NewMemory(1<<20), cache.LoaderOptions{Name: "profiles"})
	return profilecache.New(next, l, cache.NewMemoryVersions(0, nil), 0, nil)
}

func TestRepeatedReadsReachTheStoreOnce(t *testing.T) {
	ctx := context.Background()
	fake := newFake()
	s := inProcess(fake)
	in := doc("ada", 1)
	// Written before this process started: the cache knows nothing of it.
	if _, _, err := fake.PutProfile(ctx, in); err != nil {
		t.Fatal(err)
	}
	for range 100 {
		p, err := s.GetProfile(ctx, "ada")
		if err != nil || p.Hash != in.Hash || string(p.Document) != string(in.Document) {
			t.Fatalf("GetProfile = %+v, %v", p, err)
		}
	}
	if n := fake.gets.Load(); n != 1 {
		t.Errorf("100 reads reached the store %d times, want 1", n)
	}
}

func TestWriteIsReadBackAtOnce(t *testing.T) {
	ctx := context.Background()
	fake := newFake()
	s := inProcess(fake)
	for i := range 20 {
		in := doc("ada", i)
		if _, _, err := s.PutProfile(ctx, in); err != nil {
			t.Fatal(err)
		}
		p, err := s.GetProfile(ctx, "ada")
		if err != nil || p.Hash != in.Hash {
			t.Fatalf("after write %d: hash %s, err %v; want %s", i, p.Hash, err, in.Hash)
		}
	}
	// Each write went through to the cache: no read needed the store.
	if n := fake.gets.Load(); n != 0 {
		t.Errorf("reads after writes reached the store %d times, want 0", n)
	}
}

// TestHeadFollowsWrites: a head read names the version a full read would
// return, after every write, and leaves the document out.
func TestHeadFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s := inProcess(newFake())
	for i := range 5 {
		if _, _, err := s.PutProfile(ctx, doc("ada", i)); err != nil {
			t.Fatal(err)
		}
		full, err := s.GetProfile(ctx, "ada")
		if err != nil {
			t.Fatal(err)
		}
		head, err := s.GetProfileHead(ctx, "ada")
		if err != nil {
			t.Fatal(err)
		}
		if head.Document != nil || head.Version != full.Version || head.Hash != full.Hash || head.Public != full.Public {
			t.Fatalf("after write %d: head %+v, full %+v", i, head, full)
		}
	}
	if _, err := s.GetProfileHead(ctx, "nobody"); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("head of an unknown slug: err = %v, want NotFound", err)
	}
}

func TestNotFoundIsCachedUntilCreated(t *testing.T) {
	ctx := context.Background()
	fake := newFake()
	s := inProcess(fake)
	for range 5 {
		if _, err := s.GetProfile(ctx, "nobody"); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("err = %v, want NotFound", err)
		}
	}
	if n := fake.gets.Load(); n != 1 {
		t.Errorf("5 reads of an unknown slug reached the store %d times, want 1", n)
	}
	in := doc("nobody", 1)
	if _, _, err := s.PutProfile(ctx, in); err != nil {
		t.Fatal(err)
	}
	if p, err := s.GetProfile(ctx, "nobody"); err != nil || p.Hash != in.Hash {
		t.Fatalf("after creating it: %+v, %v", p, err)
	}
}

// BenchmarkGetProfileHit is a read answered by the in-process tier: pointer,
// lookup, decode (the document is copied).
func BenchmarkGetProfileHit(b *testing.B) {
	ctx := context.Background()
	s := inProcess(newFake())
	in := doc("ada", 1)
	in.Document = append(in.Document, make([]byte, 5000)...)
	if _, _, err := s.PutProfile(ctx, in); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.GetProfile(ctx, "ada"); err != nil {
			b.Fatal(err)
		}
	}
}
