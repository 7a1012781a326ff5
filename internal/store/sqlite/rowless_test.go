package sqlite_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/sqlite"
)

// openMigrated opens n handles on one new, migrated database with a
// profile "ada" and a session "s1".
func openMigrated(t *testing.T, n int) []*sqlite.DB {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parley.db")
	dbs := make([]*sqlite.DB, n)
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
	if _, _, err := dbs[0].PutProfile(ctx, store.ProfileInput{Slug: "ada", Document: []byte(`{"basics": {"name": "Ada"}}`), Hash: "h"}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := dbs[0].CreateSession(ctx, store.Session{ID: "s1", ProfileSlug: "ada", ProfileVersion: 1, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return dbs
}

func pair(k int) []store.Message {
	return []store.Message{{Role: "user", Text: fmt.Sprintf("q%d", k)}, {Role: "assistant", Text: fmt.Sprintf("a%d", k)}}
}

// Two handles on one file (two processes) append to one session at once:
// each committer's remembered last number goes stale whenever the other
// writes, its INSERT then collides, and the group is written again from the
// numbers on disk. Every turn succeeds, numbers are gap-free, a turn's two
// messages stay adjacent.
func TestStaleRememberedNumbers(t *testing.T) {
	ctx := context.Background()
	dbs := openMigrated(t, 2)
	const perHandle = 40
	var wg sync.WaitGroup
	errs := make(chan error, 2*perHandle)
	for h, db := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range perHandle {
				id := h*perHandle + k
				out, err := db.AppendTurn(ctx, "s1", pair(id), []byte(fmt.Sprintf(`{"turn": %d}`, id)), time.Now().Add(time.Hour))
				if err == nil && out[1].Seq != out[0].Seq+1 {
					err = fmt.Errorf("turn %d numbered %d, %d", id, out[0].Seq, out[1].Seq)
				}
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	hist, err := dbs[0].Messages(ctx, "s1", 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 4*perHandle {
		t.Fatalf("%d messages, want %d", len(hist), 4*perHandle)
	}
	for i, m := range hist {
		if m.Seq != i+1 {
			t.Fatalf("message %d has seq %d", i, m.Seq)
		}
		if i%2 == 1 && m.Text[1:] != hist[i-1].Text[1:] {
			t.Fatalf("turn split: %q then %q", hist[i-1].Text, m.Text)
		}
	}
	// The newest state is the last turn's, whichever handle reads it.
	last := hist[len(hist)-1].Text[1:]
	for _, db := range dbs {
		s, err := db.GetSession(ctx, "s1", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		var st struct{ Turn int }
		if err := json.Unmarshal(s.State, &st); err != nil || fmt.Sprint(st.Turn) != last {
			t.Errorf("state %s, want turn %s's", s.State, last)
		}
	}
}

// A session written before migration 00005 keeps its state and numbers in
// its row only; migration 00005's Down folds the newest state back there.
func TestSessionsAcrossMigration5(t *testing.T) {
	ctx := context.Background()
	dbs := openMigrated(t, 2)
	db, old := dbs[0], dbs[1] // old: the code before 00005, in another process
	for k := range 2 {
		if _, err := db.AppendTurn(ctx, "s1", pair(k), []byte(fmt.Sprintf(`{"k": %d}`, k)), time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.AppendTurn(ctx, "s1", pair(2), nil, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	for range 3 { // 00007 folds the journal, 00006 unfolds the turns, then 00005
		if _, err := dial.Down(ctx, db, nil); err != nil {
			t.Fatal(err)
		}
	}
	var state string
	var last int
	if err := db.Writer().QueryRowContext(ctx, `SELECT state, last_seq FROM sessions WHERE id = 's1'`).Scan(&state, &last); err != nil {
		t.Fatal(err)
	}
	if state != `{"k": 1}` || last != 6 {
		t.Errorf("after Down: row state %s, last_seq %d; want {\"k\": 1}, 6", state, last)
	}
	// What the code before 00005 wrote: a turn bumps the row.
	now := time.Now()
	if _, err := old.Writer().ExecContext(ctx, `INSERT INTO messages (session_id, seq, role, text, created_at) VALUES ('s1', 7, 'user', 'q3', ?), ('s1', 8, 'assistant', 'a3', ?)`,
		now.UTC().Format(time.RFC3339Nano), now.UTC().Format(time.RFC3339Nano)); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Writer().ExecContext(ctx, `UPDATE sessions SET last_seq = 8, state = '{"k": 3}' WHERE id = 's1'`); err != nil {
		t.Fatal(err)
	}
	if _, err := dial.Up(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	// The committer's remembered number (6) is stale: another connection
	// wrote, and the committer reads the numbers again.
	s, err := db.GetSession(ctx, "s1", now)
	if err != nil || string(s.State) != `{"k": 3}` {
		t.Fatalf("GetSession = %s, %v; want the row's state", s.State, err)
	}
	out, err := db.AppendTurn(ctx, "s1", pair(4), nil, now.Add(time.Hour))
	if err != nil || out[0].Seq != 9 {
		t.Fatalf("turn after the upgrade: %+v, %v; want seq 9", out, err)
	}
	if s, _ := db.GetSession(ctx, "s1", now); string(s.State) != `{"k": 3}` {
		t.Errorf("a turn without state lost the row's: %s", s.State)
	}
	if _, err := db.AppendTurn(ctx, "s1", pair(5), []byte(`{"k": 5}`), now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.GetSession(ctx, "s1", now); string(s.State) != `{"k": 5}` {
		t.Errorf("state after a new turn: %s", s.State)
	}
}
