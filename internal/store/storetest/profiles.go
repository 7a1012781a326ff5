package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store"
)

func input(slug, doc string) store.ProfileInput {
	return store.ProfileInput{Slug: slug, Document: []byte(doc), Hash: "h:" + doc, Public: true}
}

func testProfiles(t *testing.T, open Opener) {
	ctx := context.Background()
	t.Run("PutGetAndVersions", func(t *testing.T) {
		db, _ := migrated(t, open)
		p, changed, err := db.PutProfile(ctx, input("ada", `{"basics": {"name": "Ada"}}`))
		if err != nil || !changed || p.Version != 1 {
			t.Fatalf("first put: %+v changed=%v err=%v", p, changed, err)
		}
		same, changed, err := db.PutProfile(ctx, input("ada", `{"basics": {"name": "Ada"}}`))
		if err != nil || changed || same.Version != 1 {
			t.Fatalf("identical put: version %d changed=%v err=%v, want version 1 unchanged", same.Version, changed, err)
		}
		in := input("ada", `{"basics": {"name": "Ada L."}}`)
		in.Privacy.SharePhone = true
		p2, changed, err := db.PutProfile(ctx, in)
		if err != nil || !changed || p2.Version != 2 {
			t.Fatalf("changed put: version %d changed=%v err=%v", p2.Version, changed, err)
		}
		got, err := db.GetProfile(ctx, "ada")
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != 2 || got.Hash != in.Hash || !got.Privacy.SharePhone || !got.Public {
			t.Errorf("GetProfile = %+v", got)
		}
		if !jsonEqual(t, got.Document, in.Document) {
			t.Errorf("document = %s, want %s", got.Document, in.Document)
		}
		if got.CreatedAt.After(got.UpdatedAt) || got.CreatedAt.IsZero() {
			t.Errorf("times: created %v updated %v", got.CreatedAt, got.UpdatedAt)
		}
		// What PutProfile returns is what a read returns (caches keep the
		// former and serve it as the latter); an identical put returns the
		// stored version unchanged.
		for _, c := range []struct {
			name      string
			put, want store.Profile
		}{{"changed put", p2, got}, {"identical put", same, p}} {
			put, want := c.put, c.want
			if want.Version != put.Version || want.Hash != put.Hash || want.Public != put.Public || want.Privacy != put.Privacy ||
				string(want.Document) != string(put.Document) || !want.CreatedAt.Equal(put.CreatedAt) || !want.UpdatedAt.Equal(put.UpdatedAt) {
				t.Errorf("%s returned %+v, want %+v", c.name, put, want)
			}
		}
		vs, err := db.ProfileVersions(ctx, "ada")
		if err != nil {
			t.Fatal(err)
		}
		var nums []int
		for _, v := range vs {
			nums = append(nums, v.Version)
		}
		if diff := cmp.Diff([]int{2, 1}, nums); diff != "" {
			t.Errorf("versions (-want +got):\n%s", diff)
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		db, _ := migrated(t, open)
		if _, err := db.GetProfile(ctx, "nobody"); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("GetProfile(nobody) = %v, want NotFound", err)
		}
		if _, err := db.ProfileVersions(ctx, "nobody"); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("ProfileVersions(nobody) = %v, want NotFound", err)
		}
	})
	t.Run("ConcurrentPutsGetConsecutiveVersions", func(t *testing.T) {
		// n writers of one new slug at once: versions 1..n, each handed to
		// exactly one writer, every version stored with that writer's
		// document, and a read returns the writer that got version n.
		db, _ := migrated(t, open)
		const n = 16
		var wg sync.WaitGroup
		puts := make([]store.Profile, n)
		errs := make([]error, n)
		changed := make([]bool, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				puts[i], changed[i], errs[i] = db.PutProfile(ctx, input("race", fmt.Sprintf(`{"n": %d}`, i)))
			}()
		}
		wg.Wait()
		byVersion := map[int]store.Profile{}
		for i, err := range errs {
			if err != nil {
				t.Fatalf("put %d: %v", i, err)
			}
			if !changed[i] {
				t.Errorf("put %d: changed = false for a new document", i)
			}
			if prev, dup := byVersion[puts[i].Version]; dup {
				t.Fatalf("version %d handed to two writers: %q and %q", puts[i].Version, prev.Hash, puts[i].Hash)
			}
			byVersion[puts[i].Version] = puts[i]
		}
		for v := 1; v <= n; v++ {
			if _, ok := byVersion[v]; !ok {
				t.Fatalf("no writer got version %d (got %v)", v, byVersion)
			}
		}
		vs, err := db.ProfileVersions(ctx, "race")
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != n {
			t.Fatalf("%d versions stored, want %d", len(vs), n)
		}
		for i, v := range vs {
			if v.Version != n-i || v.Hash != byVersion[v.Version].Hash {
				t.Errorf("versions[%d] = %d %q, want %d %q", i, v.Version, v.Hash, n-i, byVersion[n-i].Hash)
			}
		}
		got, err := db.GetProfile(ctx, "race")
		if err != nil {
			t.Fatal(err)
		}
		last := byVersion[n]
		if got.Version != n || got.Hash != last.Hash || !jsonEqual(t, got.Document, last.Document) {
			t.Errorf("GetProfile = version %d %q %s, want version %d %q %s", got.Version, got.Hash, got.Document, n, last.Hash, last.Document)
		}
	})
	t.Run("IdenticalPutAfterAnotherWriterStoresANewVersion", func(t *testing.T) {
		// The no-op check compares with the current version only: A, B, A
		// is three versions, and repeating the last one is none.
		db, _ := migrated(t, open)
		for i, c := range []struct {
			doc     string
			version int
			changed bool
		}{{`{"a": 1}`, 1, true}, {`{"b": 1}`, 2, true}, {`{"a": 1}`, 3, true}, {`{"a": 1}`, 3, false}} {
			p, changed, err := db.PutProfile(ctx, input("abab", c.doc))
			if err != nil || p.Version != c.version || changed != c.changed || p.Hash != "h:"+c.doc {
				t.Errorf("put %d (%s) = version %d changed=%v hash %q err=%v, want version %d changed=%v",
					i, c.doc, p.Version, changed, p.Hash, err, c.version, c.changed)
			}
		}
	})
}
