package storetest

import (
	"context"
	"fmt"
	"sort"
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
		db, _ := migrated(t, open)
		const n = 12
		var wg sync.WaitGroup
		versions := make([]int, n)
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p, _, err := db.PutProfile(ctx, input("race", fmt.Sprintf(`{"n": %d}`, i)))
				versions[i], errs[i] = p.Version, err
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("put %d: %v", i, err)
			}
		}
		sort.Ints(versions)
		for i, v := range versions {
			if v != i+1 {
				t.Fatalf("versions %v, want 1..%d", versions, n)
			}
		}
	})
}
