package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/testenv"
)

func openMigrated(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, testenv.PostgresURL(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	set, err := Migrations(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, func(ctx context.Context, sqldb *sql.DB) error {
		_, err := set.Up(ctx, sqldb)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.PutProfile(ctx, store.ProfileInput{Slug: "a", Document: []byte(`{"basics":{"name":"A"}}`), Public: true}); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestCommitGroup drives one group directly, so that the batched statement
// certainly meets what a busy server sends it: sessions met more than once
// (numbered in group order), missing sessions (NotFound, alone), a turn
// PostgreSQL rejects (it fails alone: the others are written one by one),
// and stored expiries that do and do not already cover the turn.
func TestCommitGroup(t *testing.T) {
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Microsecond)
	cases := []struct {
		name string
		ids  []string // one turn each, in group order; "missing" has no session, "bad" a rejected message
	}{
		{"one turn", []string{"s0"}},
		{"distinct sessions", []string{"s0", "s1", "s2", "s3", "s4"}},
		{"a session three times", []string{"s0", "s1", "s0", "s2", "s0"}},
		{"missing sessions among good ones", []string{"missing", "s0", "missing", "s1"}},
		{"a rejected turn among good ones", []string{"s0", "bad", "s1", "s0"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openMigrated(t)
			// Even sessions already store an expiry that covers the turns.
			stored := map[string]time.Time{}
			for i, id := range []string{"s0", "s1", "s2", "s3", "s4", "bad"} {
				expires := now.Add(time.Hour)
				if i%2 == 0 {
					expires = now.Add(3 * time.Hour)
				}
				stored[id] = expires
				if err := db.CreateSession(ctx, store.Session{ID: id, ProfileSlug: "a", ProfileVersion: 1, CreatedAt: now, ExpiresAt: expires}); err != nil {
					t.Fatal(err)
				}
			}
			asked := now.Add(2 * time.Hour)
			var group []*turnReq
			for i, id := range tc.ids {
				role := "user"
				if id == "bad" {
					role = "robot" // violates the CHECK constraint on messages.role
				}
				group = append(group, &turnReq{ctx: ctx, id: id, done: make(chan struct{}), expires: asked,
					state: []byte(fmt.Sprintf(`{"turn": %d}`, i)),
					msgs:  []store.Message{{Role: role, Text: fmt.Sprint("q", i), CreatedAt: now}, {Role: "assistant", Text: fmt.Sprint("a", i), CreatedAt: now}}})
			}
			db.commitGroup(group)
			want := map[string][]string{} // session -> texts in order
			lastState := map[string]string{}
			for i, r := range group {
				switch r.id {
				case "missing":
					if !apperr.Is(r.err, apperr.NotFound) {
						t.Errorf("turn %d on a missing session: err %v, want NotFound", i, r.err)
					}
					continue
				case "bad":
					if r.err == nil {
						t.Errorf("turn %d with a bad role committed: %+v", i, r.out)
					}
					continue
				}
				n := len(want[r.id])
				if r.err != nil || len(r.out) != 2 || r.out[0].Seq != n+1 || r.out[1].Seq != n+2 {
					t.Errorf("turn %d (%s): out %+v err %v, want seqs %d and %d", i, r.id, r.out, r.err, n+1, n+2)
				}
				want[r.id] = append(want[r.id], fmt.Sprint("q", i), fmt.Sprint("a", i))
				lastState[r.id] = fmt.Sprintf(`{"turn": %d}`, i)
			}
			want["bad"], lastState["bad"] = nil, `{}`
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
				// The expiry only moves forward, to the asked one plus
				// at most ExpirySlack.
				wantExp := stored[id]
				if id != "bad" && wantExp.Before(asked) {
					wantExp = asked.Add(ExpirySlack)
				}
				if !s.ExpiresAt.Equal(wantExp) {
					t.Errorf("%s: expires %v, want %v", id, s.ExpiresAt, wantExp)
				}
			}
		})
	}
}
