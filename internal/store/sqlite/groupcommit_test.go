package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store"
)

func openMigrated(tb testing.TB) *DB {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(tb.TempDir(), "p.db"), nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := Migrations(nil).Up(ctx, db.Writer()); err != nil {
		tb.Fatal(err)
	}
	if _, _, err := db.PutProfile(ctx, store.ProfileInput{Slug: "a", Document: []byte(`{"basics":{"name":"A"}}`), Public: true}); err != nil {
		tb.Fatal(err)
	}
	return db
}

// TestCommitGroupIsolatesFailures drives one group directly, so that the
// fast path certainly meets a failing turn among good ones: the bad turn
// must fail alone, write nothing, and the others must commit.
func TestCommitGroupIsolatesFailures(t *testing.T) {
	ctx := context.Background()
	db := openMigrated(t)
	now := time.Now().UTC()
	ids := []string{"good1", "bad", "missing", "good2"}
	for _, id := range []string{"good1", "bad", "good2"} {
		if err := db.CreateSession(ctx, store.Session{ID: id, ProfileSlug: "a", ProfileVersion: 1, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	var group []*turnReq
	for _, id := range ids {
		role := "user"
		if id == "bad" {
			role = "robot" // violates the CHECK constraint on messages.role
		}
		group = append(group, &turnReq{ctx: ctx, id: id, done: make(chan struct{}), expires: now.Add(time.Hour),
			state: []byte(`{"turn":1}`),
			msgs:  []store.Message{{Role: role, Text: "q", CreatedAt: now}, {Role: "assistant", Text: "a", CreatedAt: now}}})
	}
	db.commitGroup(group)
	for i, r := range group {
		<-r.done
		switch ids[i] {
		case "good1", "good2":
			if r.err != nil || len(r.out) != 2 || r.out[0].Seq != 1 || r.out[1].Seq != 2 {
				t.Errorf("%s: out %+v err %v, want seqs 1 and 2", ids[i], r.out, r.err)
			}
		case "missing":
			if !apperr.Is(r.err, apperr.NotFound) {
				t.Errorf("missing session: err %v, want NotFound", r.err)
			}
		case "bad":
			if r.err == nil {
				t.Errorf("bad role committed: %+v", r.out)
			}
		}
	}
	for id, want := range map[string]int{"good1": 2, "good2": 2, "bad": 0} {
		msgs, err := db.Messages(ctx, id, 0, 10)
		if err != nil || len(msgs) != want {
			t.Errorf("%s: %d messages (err %v), want %d", id, len(msgs), err, want)
		}
		s, err := db.GetSession(ctx, id, now)
		if err != nil {
			t.Fatal(err)
		}
		if wantState := map[bool]string{true: `{"turn":1}`, false: `{}`}[want > 0]; string(s.State) != wantState {
			t.Errorf("%s: state %s, want %s", id, s.State, wantState)
		}
	}
}

// BenchmarkAppendTurnParallel measures turns appended by many goroutines at
// once (the HTTP path's shape: one goroutine per request, one committer).
// Run with -cpu 2 and compare ns/op across commits with benchstat.
func BenchmarkAppendTurnParallel(b *testing.B) {
	ctx := context.Background()
	db := openMigrated(b)
	now := time.Now().UTC()
	const sessions = 64
	for i := range sessions {
		id := fmt.Sprintf("s%02d", i)
		if err := db.CreateSession(ctx, store.Session{ID: id, ProfileSlug: "a", ProfileVersion: 1, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
			b.Fatal(err)
		}
	}
	var next atomic.Int64
	b.SetParallelism(32) // 64 goroutines with -cpu 2, like 64 connections
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		id := fmt.Sprintf("s%02d", next.Add(1)%sessions)
		msgs := []store.Message{
			{Role: "user", Text: "Where did he study?", CreatedAt: now},
			{Role: "assistant", Text: "He studied computer science at the University of Amsterdam.", Intent: "education",
				Citations: []byte(`[{"section":"education","index":0}]`), CreatedAt: now},
		}
		for pb.Next() {
			if _, err := db.AppendTurn(ctx, id, msgs, []byte(`{"last":"education"}`), now.Add(time.Hour)); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// TestCommitFastBatches drives the batched fast path directly: sessions met
// more than once in a group, missing sessions, and turns that do and do not
// slide the stored expiry must all commit in one pass, numbered in order.
func TestCommitFastBatches(t *testing.T) {
	ctx := context.Background()
	now := time.Now().UTC()
	cases := []struct {
		name string
		ids  []string // one turn each, in group order; "missing" has no session
	}{
		{"one turn", []string{"s0"}},
		{"distinct sessions, not a power of two", []string{"s0", "s1", "s2", "s3", "s4", "s5", "s6"}},
		{"a session twice", []string{"s0", "s1", "s0", "s2", "s0"}},
		{"missing sessions among good ones", []string{"missing", "s0", "missing", "s1"}},
		{"more than one chunk", func() []string {
			var ids []string
			for i := range maxChunk + 3 {
				ids = append(ids, fmt.Sprintf("s%d", i%(maxChunk+1)))
			}
			return ids
		}()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openMigrated(t)
			// Even sessions already store an expiry that covers the turns
			// (and the committer knows it), so both UPDATE variants run.
			for i := range maxChunk + 1 {
				id, expires := fmt.Sprintf("s%d", i), now.Add(time.Hour)
				if i%2 == 0 {
					expires = now.Add(3 * time.Hour)
					db.expiries[id] = expires
				}
				if err := db.CreateSession(ctx, store.Session{ID: id, ProfileSlug: "a", ProfileVersion: 1, CreatedAt: now, ExpiresAt: expires}); err != nil {
					t.Fatal(err)
				}
			}
			var group []*turnReq
			for i, id := range tc.ids {
				group = append(group, &turnReq{ctx: ctx, id: id, done: make(chan struct{}), expires: now.Add(2 * time.Hour),
					state: []byte(fmt.Sprintf(`{"turn":%d}`, i)),
					msgs:  []store.Message{{Role: "user", Text: fmt.Sprint("q", i), CreatedAt: now}, {Role: "assistant", Text: fmt.Sprint("a", i), CreatedAt: now}}})
			}
			if !commitFastForTest(t, db, group) {
				t.Fatal("fast path did not commit")
			}
			want := map[string][]string{} // session -> texts in order
			lastState := map[string]string{}
			for i, r := range group {
				if r.id == "missing" {
					if !apperr.Is(r.err, apperr.NotFound) {
						t.Errorf("turn %d on a missing session: err %v, want NotFound", i, r.err)
					}
					continue
				}
				n := len(want[r.id])
				if r.err != nil || len(r.out) != 2 || r.out[0].Seq != n+1 || r.out[1].Seq != n+2 {
					t.Errorf("turn %d (%s): out %+v err %v, want seqs %d and %d", i, r.id, r.out, r.err, n+1, n+2)
				}
				want[r.id] = append(want[r.id], fmt.Sprint("q", i), fmt.Sprint("a", i))
				lastState[r.id] = fmt.Sprintf(`{"turn":%d}`, i)
			}
			for id, texts := range want {
				msgs, err := db.Messages(ctx, id, 0, 1000)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, m := range msgs {
					got = append(got, m.Text)
				}
				if fmt.Sprint(got) != fmt.Sprint(texts) {
					t.Errorf("%s: history %v, want %v", id, got, texts)
				}
				s, err := db.GetSession(ctx, id, now)
				if err != nil {
					t.Fatal(err)
				}
				if string(s.State) != lastState[id] {
					t.Errorf("%s: state %s, want %s", id, s.State, lastState[id])
				}
				if s.ExpiresAt.Before(now.Add(2 * time.Hour)) {
					t.Errorf("%s: expires %v, before the turns' %v", id, s.ExpiresAt, now.Add(2*time.Hour))
				}
			}
		})
	}
}

// TestPairsStoreEveryColumn: turns written by the pair statement (a plain
// question and its reply at one time) read back column for column as the
// general statement writes them, in groups of pairs alone and of pairs mixed
// with turns that are not pairs.
func TestPairsStoreEveryColumn(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 30, 3, 0, 0, 123456000, time.UTC)
	pair := func(i int) []store.Message {
		return []store.Message{
			{Role: "user", Text: fmt.Sprint("q", i), CreatedAt: at},
			{Role: "assistant", Text: fmt.Sprint("a", i), Intent: "education", Refused: i%2 == 1,
				Citations: []byte(`[{"section":"education","index":0}]`), LatencyMicros: int64(40 + i), PromptVersion: "det-1", CreatedAt: at},
		}
	}
	shapes := map[string][]store.Message{
		"three messages": append(pair(7), store.Message{Role: "assistant", Text: "more", CreatedAt: at}),
		"two times":      {{Role: "user", Text: "q", CreatedAt: at}, {Role: "assistant", Text: "a", CreatedAt: at.Add(time.Second)}},
		"no time":        {{Role: "user", Text: "q"}, {Role: "assistant", Text: "a"}},
		"question with an intent": {{Role: "user", Text: "q", Intent: "x", CreatedAt: at},
			{Role: "assistant", Text: "a", CreatedAt: at}},
		// A pair, whose reply's empty citations are stored as "[]".
		"reply without citations": {{Role: "user", Text: "q", CreatedAt: at}, {Role: "assistant", Text: "a", CreatedAt: at}},
	}
	for name, odd := range shapes {
		for _, mixed := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, mixed %t", name, mixed), func(t *testing.T) {
				db := openMigrated(t)
				var group []*turnReq
				for i := range 3 {
					id := fmt.Sprint("s", i)
					if err := db.CreateSession(ctx, store.Session{ID: id, ProfileSlug: "a", ProfileVersion: 1, CreatedAt: at, ExpiresAt: at.Add(time.Hour)}); err != nil {
						t.Fatal(err)
					}
					msgs := pair(i)
					if mixed && i == 1 {
						msgs = odd
					}
					if !mixed && i == 1 && store.Folds(odd) != (name == "reply without citations") {
						t.Fatalf("%s: Folds %t", name, store.Folds(odd))
					}
					group = append(group, &turnReq{ctx: ctx, id: id, msgs: msgs, done: make(chan struct{}), expires: at.Add(time.Hour)})
				}
				if !commitFastForTest(t, db, group) {
					t.Fatal("fast path did not commit")
				}
				for _, r := range group {
					if r.err != nil {
						t.Fatalf("%s: %v", r.id, r.err)
					}
					got, err := db.Messages(ctx, r.id, 0, 100)
					if err != nil {
						t.Fatal(err)
					}
					var want, wantOut []store.Message
					for i, m := range r.msgs {
						m.SessionID, m.Seq = r.id, i+1
						if m.CreatedAt.IsZero() {
							wantOut = append(wantOut, store.Message{SessionID: m.SessionID, Seq: m.Seq, Role: m.Role, Text: m.Text, CreatedAt: r.out[i].CreatedAt})
						} else {
							wantOut = append(wantOut, m)
						}
						if len(m.Citations) == 0 {
							m.Citations = []byte("[]")
						}
						if m.CreatedAt.IsZero() {
							m.CreatedAt = r.out[i].CreatedAt.Truncate(time.Microsecond)
						}
						want = append(want, m)
					}
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("%s (-want +got):\n%s", r.id, diff)
					}
					if diff := cmp.Diff(wantOut, r.out); diff != "" {
						t.Errorf("%s returned (-want +got):\n%s", r.id, diff)
					}
				}
			})
		}
	}
}

// commitFastForTest runs the fast path on the writer's connection, as
// commitGroup does.
func commitFastForTest(t testing.TB, db *DB, group []*turnReq) bool {
	t.Helper()
	fast := false
	if err := db.withWriter(func(w *wtx) (err error) {
		fast, err = db.commitFast(w, group)
		return err
	}); err != nil {
		t.Fatalf("fast path: %v", err)
	}
	return fast
}
