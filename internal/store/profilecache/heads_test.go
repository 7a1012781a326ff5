package profilecache_test

import (
	"context"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/profilecache"
)

// TestProfileHeadIsTheEntrysHead: a head read gives what DecodeHead of the
// cached entry gives, read after read, when the version moves, and when
// the entry under an unchanged key is replaced by different bytes (the
// remembered head is given only for the bytes it was decoded from).
func TestProfileHeadIsTheEntrysHead(t *testing.T) {
	ctx := context.Background()
	fake := newFake()
	l := cache.NewLoader(cache.NewMemory(1<<20), cache.LoaderOptions{Name: "profiles"})
	s := profilecache.New(fake, l, cache.NewMemoryVersions(0, nil), 0, nil)
	check := func(want store.Profile) {
		t.Helper()
		for range 3 {
			got, err := s.GetProfileHead(ctx, "ada")
			if err != nil {
				t.Fatal(err)
			}
			if got.Slug != want.Slug || got.Version != want.Version || got.Hash != want.Hash ||
				got.Public != want.Public || got.Privacy != want.Privacy || !got.CreatedAt.Equal(want.CreatedAt) || got.Document != nil {
				t.Fatalf("head %+v, want %+v without its document", got, want)
			}
		}
	}
	p1, _, err := s.PutProfile(ctx, doc("ada", 1))
	if err != nil {
		t.Fatal(err)
	}
	check(p1)
	p2, _, err := s.PutProfile(ctx, doc("ada", 2))
	if err != nil {
		t.Fatal(err)
	}
	check(p2)
	// The same version's entry, rewritten with other head fields and a
	// document of another length.
	p3 := p2
	p3.Privacy.SharePhone = true
	p3.CreatedAt = time.Unix(1700000000, 0).UTC()
	p3.Document = append(append([]byte(nil), p2.Document...), ' ')
	if err := l.Put(ctx, "profile:ada:2", profilecache.Encode(p3), time.Minute); err != nil {
		t.Fatal(err)
	}
	check(p3)
	p4 := p3
	p4.Document = p2.Document // head bytes as p3's, document as p2's
	if err := l.Put(ctx, "profile:ada:2", profilecache.Encode(p4), time.Minute); err != nil {
		t.Fatal(err)
	}
	check(p4)
	// An entry that no longer decodes is not answered from memory.
	bad := profilecache.Encode(p4)
	if err := l.Put(ctx, "profile:ada:2", bad[:len(bad)-1], time.Minute); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetProfileHead(ctx, "ada")
	if err != nil || got.Version != p2.Version || got.Privacy.SharePhone {
		t.Fatalf("head after a corrupt entry = %+v, %v; want the database's version 2", got, err)
	}
}

// TestProfileHeadAllocations: a head read of a cached version builds no
// key and decodes no strings.
func TestProfileHeadAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	ctx := context.Background()
	s := inProcess(newFake())
	if _, _, err := s.PutProfile(ctx, doc("ada", 1)); err != nil {
		t.Fatal(err)
	}
	n := testing.AllocsPerRun(100, func() {
		if _, err := s.GetProfileHead(ctx, "ada"); err != nil {
			t.Fatal(err)
		}
	})
	if n > 1 {
		t.Errorf("%v allocations per head read, want at most 1", n)
	}
}
