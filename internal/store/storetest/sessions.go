package storetest

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/dial"
)

func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatalf("not JSON: %s", a)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatalf("not JSON: %s", b)
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return string(xa) == string(ya)
}

func testSessions(t *testing.T, open Opener) {
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Microsecond)
	setupReopen := func(t *testing.T) (dial.DB, func(t *testing.T) dial.DB) {
		db, reopen := migrated(t, open)
		if _, _, err := db.PutProfile(ctx, input("ada", `{"basics": {"name": "Ada"}}`)); err != nil {
			t.Fatal(err)
		}
		return db, reopen
	}
	setup := func(t *testing.T) store.Store {
		db, _ := setupReopen(t)
		return db
	}
	newSession := func(id string) store.Session {
		return store.Session{ID: id, ProfileSlug: "ada", ProfileVersion: 1, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	}
	t.Run("CreateGetExpire", func(t *testing.T) {
		db := setup(t)
		if err := db.CreateSession(ctx, newSession("s1")); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateSession(ctx, newSession("s1")); !apperr.Is(err, apperr.Conflict) {
			t.Errorf("duplicate id: %v, want Conflict", err)
		}
		bad := newSession("s2")
		bad.ProfileSlug = "nobody"
		if err := db.CreateSession(ctx, bad); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("unknown profile: %v, want NotFound", err)
		}
		s, err := db.GetSession(ctx, "s1", now)
		if err != nil {
			t.Fatal(err)
		}
		if s.ProfileSlug != "ada" || !s.ExpiresAt.Equal(now.Add(time.Hour)) || !jsonEqual(t, s.State, []byte("{}")) {
			t.Errorf("GetSession = %+v", s)
		}
		if _, err := db.GetSession(ctx, "s1", now.Add(2*time.Hour)); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("expired session: %v, want NotFound", err)
		}
		if _, err := db.GetSession(ctx, "nope", now); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("unknown session: %v, want NotFound", err)
		}
		n, err := db.DeleteExpiredSessions(ctx, now.Add(2*time.Hour))
		if err != nil || n != 1 {
			t.Errorf("DeleteExpiredSessions = %d, %v; want 1", n, err)
		}
	})
	t.Run("AppendTurnAndHistory", func(t *testing.T) {
		db := setup(t)
		if err := db.CreateSession(ctx, newSession("s1")); err != nil {
			t.Fatal(err)
		}
		msgs := []store.Message{
			{Role: "user", Text: "Where did she study?"},
			{Role: "assistant", Text: "Oxford.", Intent: "education", Citations: []byte(`[{"section":"education","index":0}]`), LatencyMicros: 42, PromptVersion: "det-1"},
		}
		got, err := db.AppendTurn(ctx, "s1", msgs, []byte(`{"last":"education"}`), now.Add(2*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if got[0].Seq != 1 || got[1].Seq != 2 {
			t.Errorf("seqs %d,%d want 1,2", got[0].Seq, got[1].Seq)
		}
		s, err := db.GetSession(ctx, "s1", now.Add(90*time.Minute))
		if err != nil {
			t.Fatalf("session after sliding expiry: %v", err)
		}
		if !jsonEqual(t, s.State, []byte(`{"last":"education"}`)) {
			t.Errorf("state = %s", s.State)
		}
		hist, err := db.Messages(ctx, "s1", 0, 100)
		if err != nil || len(hist) != 2 {
			t.Fatalf("Messages = %d, %v", len(hist), err)
		}
		a := hist[1]
		if a.Role != "assistant" || a.Text != "Oxford." || a.Intent != "education" || a.LatencyMicros != 42 ||
			a.PromptVersion != "det-1" || !jsonEqual(t, a.Citations, msgs[1].Citations) {
			t.Errorf("assistant message = %+v", a)
		}
		if _, err := db.AppendTurn(ctx, "gone", msgs, nil, now); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("AppendTurn on unknown session: %v, want NotFound", err)
		}
		page, err := db.Messages(ctx, "s1", 1, 100)
		if err != nil || len(page) != 1 || page[0].Seq != 2 {
			t.Errorf("Messages after seq 1 = %+v, %v", page, err)
		}
	})
	// The stored expiry may be rounded up by at most a minute (see
	// store.Sessions.AppendTurn), never down, and never moves back.
	t.Run("ExpirySlidesNeverEarly", func(t *testing.T) {
		db := setup(t)
		if err := db.CreateSession(ctx, newSession("s1")); err != nil {
			t.Fatal(err)
		}
		const slack = time.Minute
		msgs := []store.Message{{Role: "user", Text: "q", CreatedAt: now}, {Role: "assistant", Text: "a", CreatedAt: now}}
		asks := []time.Duration{
			time.Hour + 10*time.Second,      // a later expiry
			time.Hour + 20*time.Second,      // later, within a rounded-up one
			time.Hour + slack + time.Second, // beyond any rounding
			time.Hour,                       // earlier: the expiry stays
		}
		latest := now
		for i, d := range asks {
			asked := now.Add(d)
			if asked.After(latest) {
				latest = asked
			}
			if _, err := db.AppendTurn(ctx, "s1", msgs, nil, asked); err != nil {
				t.Fatalf("turn %d: %v", i, err)
			}
			if _, err := db.GetSession(ctx, "s1", latest.Add(-time.Microsecond)); err != nil {
				t.Errorf("turn %d: session gone before %v: %v", i, latest, err)
			}
			if _, err := db.GetSession(ctx, "s1", latest.Add(slack+time.Microsecond)); !apperr.Is(err, apperr.NotFound) {
				t.Errorf("turn %d: session alive more than %v after %v: %v", i, slack, latest, err)
			}
		}
	})
	t.Run("ConcurrentTurnsAreGapFree", func(t *testing.T) {
		db := setup(t)
		if err := db.CreateSession(ctx, newSession("s1")); err != nil {
			t.Fatal(err)
		}
		const n = 50
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := db.AppendTurn(ctx, "s1", []store.Message{
					{Role: "user", Text: fmt.Sprintf("q%d", i)}, {Role: "assistant", Text: fmt.Sprintf("a%d", i)},
				}, []byte(`{}`), now.Add(time.Hour))
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		hist, err := db.Messages(ctx, "s1", 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) != 2*n {
			t.Fatalf("%d messages, want %d", len(hist), 2*n)
		}
		for i, m := range hist {
			if m.Seq != i+1 {
				t.Fatalf("message %d has seq %d", i, m.Seq)
			}
			// A turn's two messages stay adjacent: q_k is followed by a_k.
			if i%2 == 1 && m.Text[1:] != hist[i-1].Text[1:] {
				t.Fatalf("turn split: %q then %q", hist[i-1].Text, m.Text)
			}
		}
	})
	t.Run("ConcurrentTurnsOnManySessions", func(t *testing.T) {
		// Many sessions' turns at once, as a busy server sends them (an
		// engine may write them in shared statements): each session's turns
		// keep their order and numbering, its last state wins, and a turn
		// on a missing session fails alone.
		db := setup(t)
		const sessions, turns = 24, 6
		for i := range sessions {
			if err := db.CreateSession(ctx, newSession(fmt.Sprintf("m%02d", i))); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		errs := make(chan error, sessions*turns+turns)
		for i := range sessions + 1 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				id := fmt.Sprintf("m%02d", i)
				if i == sessions {
					id = "missing"
				}
				for k := range turns {
					out, err := db.AppendTurn(ctx, id, []store.Message{
						{Role: "user", Text: fmt.Sprintf("%s q%d", id, k)}, {Role: "assistant", Text: fmt.Sprintf("%s a%d", id, k)},
					}, []byte(fmt.Sprintf(`{"k": %d}`, k)), now.Add(time.Hour))
					switch {
					case id == "missing":
						if !apperr.Is(err, apperr.NotFound) {
							errs <- fmt.Errorf("turn on a missing session: %v, want NotFound", err)
						}
					case err != nil:
						errs <- fmt.Errorf("%s turn %d: %w", id, k, err)
					case len(out) != 2 || out[0].Seq != 2*k+1 || out[1].Seq != 2*k+2:
						errs <- fmt.Errorf("%s turn %d: %+v, want seqs %d and %d", id, k, out, 2*k+1, 2*k+2)
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		for i := range sessions {
			id := fmt.Sprintf("m%02d", i)
			hist, err := db.Messages(ctx, id, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			if len(hist) != 2*turns {
				t.Fatalf("%s: %d messages, want %d", id, len(hist), 2*turns)
			}
			for j, m := range hist {
				want := fmt.Sprintf("%s %c%d", id, "qa"[j%2], j/2)
				if m.Seq != j+1 || m.Text != want || m.SessionID != id {
					t.Errorf("%s message %d: seq %d %q (session %s), want seq %d %q", id, j, m.Seq, m.Text, m.SessionID, j+1, want)
				}
			}
			s, err := db.GetSession(ctx, id, now)
			if err != nil {
				t.Fatal(err)
			}
			if !jsonEqual(t, s.State, []byte(fmt.Sprintf(`{"k": %d}`, turns-1))) {
				t.Errorf("%s: state %s, want the last turn's", id, s.State)
			}
		}
	})
	// A session's state and numbering outlive the handle that wrote them: a
	// fresh handle on the same database (a restarted process) reads the
	// newest state (a turn without one keeps the previous), and turns from
	// either handle, interleaved, continue one gap-free sequence.
	t.Run("StateAndNumbersSurviveReopen", func(t *testing.T) {
		db, reopen := setupReopen(t)
		if err := db.CreateSession(ctx, newSession("s1")); err != nil {
			t.Fatal(err)
		}
		turn := func(t *testing.T, h store.Store, k int, state string, expires time.Duration) {
			t.Helper()
			var st []byte
			if state != "" {
				st = []byte(state)
			}
			out, err := h.AppendTurn(ctx, "s1", []store.Message{
				{Role: "user", Text: fmt.Sprintf("q%d", k)}, {Role: "assistant", Text: fmt.Sprintf("a%d", k)},
			}, st, now.Add(expires))
			if err != nil {
				t.Fatalf("turn %d: %v", k, err)
			}
			if out[0].Seq != 2*k+1 || out[1].Seq != 2*k+2 {
				t.Fatalf("turn %d: seqs %d,%d, want %d,%d", k, out[0].Seq, out[1].Seq, 2*k+1, 2*k+2)
			}
		}
		wantState := func(t *testing.T, h store.Store, want string) {
			t.Helper()
			s, err := h.GetSession(ctx, "s1", now)
			if err != nil {
				t.Fatal(err)
			}
			if !jsonEqual(t, s.State, []byte(want)) {
				t.Errorf("state %s, want %s", s.State, want)
			}
		}
		turn(t, db, 0, `{"k": 0}`, 2*time.Hour) // slides the expiry
		turn(t, db, 1, `{"k": 1}`, 2*time.Hour) // within the stored one
		turn(t, db, 2, "", 2*time.Hour)         // keeps {"k": 1}
		turn(t, db, 3, `{"k": 3}`, 2*time.Hour) // newest
		turn(t, db, 4, "", 3*time.Hour)         // slides, keeps {"k": 3}
		other := reopen(t)
		wantState(t, other, `{"k": 3}`)
		turn(t, other, 5, `{"k": 5}`, 3*time.Hour)
		wantState(t, db, `{"k": 5}`)
		turn(t, db, 6, `{"k": 6}`, 3*time.Hour) // db's numbers are stale now
		turn(t, other, 7, "", 4*time.Hour)
		turn(t, db, 8, `{"k": 8}`, 3*time.Hour)
		wantState(t, reopen(t), `{"k": 8}`)
		hist, err := other.Messages(ctx, "s1", 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) != 18 {
			t.Fatalf("%d messages, want 18", len(hist))
		}
		for i, m := range hist {
			if want := fmt.Sprintf("%c%d", "qa"[i%2], i/2); m.Seq != i+1 || m.Text != want {
				t.Errorf("message %d: seq %d %q, want seq %d %q", i, m.Seq, m.Text, i+1, want)
			}
		}
	})
	// A question and its reply are stored as one row (store/folded.go);
	// other shapes, one row per message. History reads them back alike, and
	// a page may start or end between a folded turn's two messages.
	// Migration 00006's Down unfolds the rows (one per message, read back
	// the same after its Up again).
	t.Run("FoldedTurnsReadAsMessages", func(t *testing.T) {
		db, _ := setupReopen(t)
		if err := db.CreateSession(ctx, newSession("s1")); err != nil {
			t.Fatal(err)
		}
		at := now.Add(time.Second)
		pair := func(k int, at time.Time) []store.Message {
			return []store.Message{{Role: "user", Text: fmt.Sprintf("q%d", k), CreatedAt: at},
				{Role: "assistant", Text: fmt.Sprintf("a%d", k), Intent: "work", Citations: []byte(`[{"section":"work","index":0}]`), CreatedAt: at}}
		}
		turns := [][]store.Message{
			pair(0, at), // folded
			append(pair(1, at), store.Message{Role: "assistant", Text: "a1+", CreatedAt: at}), // three messages
			pair(2, at.Add(time.Second)), // folded
			pair(3, time.Time{}),         // no time: not folded
			{{Role: "user", Text: "q4", Intent: "x", CreatedAt: at}, {Role: "assistant", Text: "a4", CreatedAt: at}}, // a question with more than text
			pair(5, at), // folded, last
		}
		var want []store.Message
		for k, msgs := range turns {
			out, err := db.AppendTurn(ctx, "s1", msgs, []byte(fmt.Sprintf(`{"k": %d}`, k)), now.Add(time.Hour))
			if err != nil {
				t.Fatalf("turn %d: %v", k, err)
			}
			for i, m := range out {
				if m.Seq != len(want)+1 || m.Text != msgs[i].Text {
					t.Fatalf("turn %d message %d: seq %d %q, want %d %q", k, i, m.Seq, m.Text, len(want)+1, msgs[i].Text)
				}
				want = append(want, m)
			}
		}
		rows := func(t *testing.T) int {
			t.Helper()
			var n int
			if err := db.Migrate(ctx, func(ctx context.Context, sdb *sql.DB) error {
				return sdb.QueryRowContext(ctx, `SELECT count(*) FROM messages WHERE session_id = 's1'`).Scan(&n)
			}); err != nil {
				t.Fatal(err)
			}
			return n
		}
		same := func(t *testing.T, got, want []store.Message) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("%d messages, want %d: %+v", len(got), len(want), got)
			}
			for i := range want {
				g, w := got[i], want[i]
				if g.SessionID != w.SessionID || g.Seq != w.Seq || g.Role != w.Role || g.Text != w.Text || g.Intent != w.Intent ||
					g.Refused != w.Refused || g.LatencyMicros != w.LatencyMicros || g.PromptVersion != w.PromptVersion ||
					!g.CreatedAt.Equal(w.CreatedAt.Truncate(time.Microsecond)) || !jsonEqual(t, g.Citations, orEmpty(w.Citations)) {
					t.Errorf("message %d = %+v, want %+v", i, g, w)
				}
			}
		}
		pages := func(t *testing.T) {
			t.Helper()
			for after := 0; after <= len(want); after++ {
				for limit := 1; limit <= len(want)+1; limit++ {
					got, err := db.Messages(ctx, "s1", after, limit)
					if err != nil {
						t.Fatal(err)
					}
					end := min(after+limit, len(want))
					if len(got) != end-after {
						t.Fatalf("Messages(after %d, limit %d): %d messages, want %d", after, limit, len(got), end-after)
					}
					same(t, got, want[after:end])
				}
			}
		}
		pages(t)
		if n := rows(t); n != 10 { // 1 + 3 + 1 + 2 + 2 + 1 rows for 13 messages
			t.Errorf("%d rows stored, want 10 (a question and its reply folded into one)", n)
		}
		if !t.Failed() {
			for range 2 { // 00007 (SQLite's turn journal), then 00006
				if _, err := dial.Down(ctx, db, nil); err != nil {
					t.Fatal(err)
				}
			}
			if n := rows(t); n != len(want) {
				t.Errorf("after migration 00006 Down: %d rows, want one per message (%d)", n, len(want))
			}
			if _, err := dial.Up(ctx, db, nil); err != nil {
				t.Fatal(err)
			}
			pages(t)
		}
	})
}

// orEmpty is how a store returns empty citations.
func orEmpty(c []byte) []byte {
	if len(c) == 0 {
		return []byte("[]")
	}
	return c
}
