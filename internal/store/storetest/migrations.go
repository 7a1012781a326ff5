package storetest

import (
	"context"
	"sync"
	"testing"

	"github.com/parleyhq/parley/internal/store/dial"
)

func testMigrations(t *testing.T, open Opener) {
	ctx := context.Background()
	t.Run("ConcurrentUpAppliesOnce", func(t *testing.T) {
		first, reopen := open(t)
		set, err := dial.Migrations(first, nil)
		if err != nil {
			t.Fatal(err)
		}
		st, err := dial.Status(ctx, first, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := len(st)
		if want == 0 {
			t.Fatal("no migrations found")
		}
		_ = set
		const n = 10
		dbs := make([]dial.DB, n)
		for i := range dbs {
			dbs[i] = reopen(t)
		}
		var wg sync.WaitGroup
		applied := make([]int, n)
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := dial.Up(ctx, dbs[i], nil)
				applied[i], errs[i] = len(res), err
			}()
		}
		wg.Wait()
		total := 0
		for i := range n {
			if errs[i] != nil {
				t.Errorf("runner %d: %v", i, errs[i])
			}
			total += applied[i]
		}
		if total != want {
			t.Errorf("%d migrations applied in all by %d concurrent runners, want exactly %d", total, n, want)
		}
		after, err := dial.Status(ctx, first, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range after {
			if !m.Applied {
				t.Errorf("migration %d (%s) not applied", m.Version, m.Name)
			}
		}
	})
	t.Run("DownThenUp", func(t *testing.T) {
		db, _ := migrated(t, open)
		res, err := dial.Down(ctx, db, nil)
		if err != nil || len(res) != 1 {
			t.Fatalf("down: %v, %d rolled back", err, len(res))
		}
		st, err := dial.Status(ctx, db, nil)
		if err != nil {
			t.Fatal(err)
		}
		if last := st[len(st)-1]; last.Applied {
			t.Errorf("newest migration %d still applied after down", last.Version)
		}
		res, err = dial.Up(ctx, db, nil)
		if err != nil || len(res) != 1 {
			t.Fatalf("up after down: %v, %d applied, want 1", err, len(res))
		}
	})
}
