package storetest

import (
	"context"
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
	setupReopen := func(t *testing.T) (store.Store, func(t *testing.T) dial.DB) {
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
}
