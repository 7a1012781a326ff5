package dbcopy_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/postgres"
	"github.com/parleyhq/parley/internal/testenv"
)

// TestParleyCopyReadsTheJournal: Parley's SQLite store appends turns to
// message_journal and moves them into messages in bulk; a database left
// with rows there (a server stopped before its fold, or copied while it
// runs) holds each session's newest turns in the journal. The copy must
// land them in PostgreSQL's messages (which has no journal), give the
// session the state and number they carry, verify them, resume over them,
// leave out the rows of a deleted session, and leave the source as it was.
func TestParleyCopyReadsTheJournal(t *testing.T) {
	ctx := context.Background()
	path, _ := parleySQLite(t)
	from := "sqlite:" + path
	lite, err := dial.Open(ctx, from, "", testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	far := time.Date(2126, 3, 4, 5, 6, 7, 0, time.UTC) // the fixture's expiry: no slide, no row update
	for k, state := range []string{`{"topic": "work"}`, `{"topic": "skills"}`, ""} {
		var st []byte
		if state != "" {
			st = []byte(state)
		}
		if _, err := lite.AppendTurn(ctx, "s1", []store.Message{{Role: "user", Text: fmt.Sprintf("q%d", k)}, {Role: "assistant", Text: fmt.Sprintf("a%d", k)}}, st, far); err != nil {
			t.Fatal(err)
		}
	}
	want := readStore(t, lite)
	lite.Close()
	if len(want.Messages) != 10 {
		t.Fatalf("fixture has %d messages, want 10", len(want.Messages))
	}

	// The store folds its journal when it closes: put the three newest
	// turns back there, as an unfolded journal holds them, and a row of a
	// session deleted since.
	raw, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	const cols = `session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at, state, question`
	for _, q := range []string{
		`INSERT INTO message_journal (` + cols + `) SELECT ` + cols + ` FROM messages WHERE seq > 4 ORDER BY seq`,
		`DELETE FROM messages WHERE seq > 4`,
		`INSERT INTO message_journal (session_id, seq, role, text, created_at) VALUES ('gone', 1, 'assistant', 'orphan', '2026-03-04T05:06:07Z')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	counts := func() (string, error) {
		var m, j int
		err := raw.QueryRow(`SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM message_journal)`).Scan(&m, &j)
		return fmt.Sprintf("%d messages, %d journal rows", m, j), err
	}
	before, err := counts()
	if err != nil || before != "4 messages, 7 journal rows" {
		t.Fatalf("source holds %s (%v), want 4 messages, 7 journal rows", before, err)
	}

	pg := testenv.PostgresURL(t)
	res := copyAndVerify(t, from, pg)
	if res.Rejected != 0 {
		t.Fatalf("%d values rejected", res.Rejected)
	}
	if after, err := counts(); err != nil || after != before {
		t.Errorf("the copy changed its source: %s (%v), was %s", after, err, before)
	}
	db, err := postgres.Open(ctx, pg, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if d := cmp.Diff(want, readStore(t, db)); d != "" {
		t.Errorf("PostgreSQL store reads differently (-sqlite +postgres):\n%s", d)
	}
	if s, err := db.GetSession(ctx, "s1", time.Now()); err != nil || string(s.State) != `{"topic": "skills"}` {
		t.Errorf("copied state %s, %v; want the newest turn's (in the journal)", s.State, err)
	}

	conn := pgConn(t, pg)
	exec := func(q string) {
		t.Helper()
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	countPG := func() int {
		t.Helper()
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM messages`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := countPG(); n != 10 {
		t.Errorf("%d messages in PostgreSQL, want 10 (4 from messages, 6 from the journal, no orphan)", n)
	}

	t.Run("verify misses no journal row", func(t *testing.T) {
		exec(`DELETE FROM messages WHERE seq = 9`)
		out, err := runCLI(t, ctx, "verify", "--from", from, "--to", pg)
		if err == nil || !strings.Contains(out, "DIFFERENCE: messages") {
			t.Errorf("verify missed a journal row gone from the target (err %v):\n%s", err, out)
		}
	})

	t.Run("resume copies the journal again", func(t *testing.T) {
		exec(`DELETE FROM messages`)
		exec(`UPDATE _parley_dbcopy.chunks SET done = false, rows = NULL WHERE table_name = 'messages'`)
		out, err := runCLI(t, ctx, "run", "--from", from, "--to", pg, "--reject-file", filepath.Join(t.TempDir(), "r.jsonl"))
		if err != nil || !strings.Contains(out, "resumed: true") {
			t.Fatalf("resumed run: %v\n%s", err, out)
		}
		if n := countPG(); n != 10 {
			t.Errorf("%d messages after resume, want 10", n)
		}
		if out, err := runCLI(t, ctx, "verify", "--from", from, "--to", pg); err != nil {
			t.Fatalf("verify after resume: %v\n%s", err, out)
		}
	})

	t.Run("a PostgreSQL turn continues the numbers", func(t *testing.T) {
		out, err := db.AppendTurn(ctx, "s1", []store.Message{{Role: "user", Text: "q"}, {Role: "assistant", Text: "a"}}, nil, far)
		if err != nil || out[0].Seq != 11 || out[1].Seq != 12 {
			t.Fatalf("PostgreSQL turn after the copy: %+v, %v; want seqs 11, 12", out, err)
		}
	})
}
