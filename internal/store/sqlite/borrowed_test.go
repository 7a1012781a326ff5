package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/sqlite"
)

// TestAppendTurnCopiesBorrowedBytes: a turn's state and citations are
// passed to SQLite without a Go copy; what is stored is what they held
// when AppendTurn ran, as TEXT, and the numbers are INTEGERs, whichever
// way the turn is written (a folded pair, or one row per message).
func TestAppendTurnCopiesBorrowedBytes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parley.db")
	db, err := sqlite.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := dial.Up(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.PutProfile(ctx, store.ProfileInput{Slug: "ada", Document: []byte(`{"basics": {"name": "Ada"}}`), Hash: "h"}); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	if err := db.CreateSession(ctx, store.Session{ID: "s1", ProfileSlug: "ada", ProfileVersion: 1, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	turns := [][]store.Message{
		{{Role: "user", Text: "q1", CreatedAt: now}, {Role: "assistant", Text: "a1", Citations: []byte(`[{"n":1}]`), LatencyMicros: 300, CreatedAt: now}},
		{{Role: "user", Text: "q2", CreatedAt: now}, {Role: "assistant", Text: "a2", Citations: []byte(`[{"n":2}]`), CreatedAt: now.Add(time.Second)}},
	}
	for i, msgs := range turns {
		state := []byte(`{"turn":` + string(rune('1'+i)) + `}`)
		want := string(state)
		if _, err := db.AppendTurn(ctx, "s1", msgs, state, now.Add(time.Duration(i+2)*time.Hour)); err != nil {
			t.Fatal(err)
		}
		for j := range state {
			state[j] = 'x'
		}
		for _, m := range msgs {
			for j := range m.Citations {
				m.Citations[j] = 'x'
			}
		}
		s, err := db.GetSession(ctx, "s1", now)
		if err != nil {
			t.Fatal(err)
		}
		if string(s.State) != want {
			t.Errorf("turn %d: state %q, want %q", i+1, s.State, want)
		}
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.QueryContext(ctx, `SELECT seq, typeof(seq), citations, typeof(citations), typeof(latency_us), coalesce(state, ''), typeof(state)
		FROM (SELECT * FROM messages UNION ALL SELECT * FROM message_journal) WHERE role = 'assistant' ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := []string{`[{"n":1}]`, `[{"n":2}]`}
	i := 0
	for rows.Next() {
		var seq int
		var seqType, cites, citesType, latencyType, state, stateType string
		if err := rows.Scan(&seq, &seqType, &cites, &citesType, &latencyType, &state, &stateType); err != nil {
			t.Fatal(err)
		}
		if seqType != "integer" || latencyType != "integer" || citesType != "text" || stateType != "text" {
			t.Errorf("seq %d stored as %s, latency %s, citations %s, state %s; want integer, integer, text, text", seq, seqType, latencyType, citesType, stateType)
		}
		if i < len(want) && cites != want[i] {
			t.Errorf("seq %d citations %q, want %q", seq, cites, want[i])
		}
		i++
	}
	if i != len(want) {
		t.Errorf("%d replies stored, want %d", i, len(want))
	}
	var expType string
	if err := raw.QueryRowContext(ctx, `SELECT typeof(last_seq) FROM sessions WHERE id = 's1'`).Scan(&expType); err != nil {
		t.Fatal(err)
	}
	if expType != "integer" {
		t.Errorf("last_seq stored as %s, want integer", expType)
	}
}
