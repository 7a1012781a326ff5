package dbcopy_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestParleyVerifyResumeRestart checks that verify in into-existing mode
// compares by meaning (timestamps, booleans, jsonb) yet finds real
// changes, that a run interrupted after some tables resumes, that
// --restart empties and refills the tables Parley's migrations made, and
// that a target already holding rows is refused.
func TestParleyVerifyResumeRestart(t *testing.T) {
	ctx := context.Background()
	path, _ := parleySQLite(t)
	from, pg := "sqlite:"+path, testenv.PostgresURL(t)
	rejects := filepath.Join(t.TempDir(), "r.jsonl")
	if out, err := runCLI(t, ctx, "run", "--from", from, "--to", pg, "--reject-file", rejects); err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	conn := pgConn(t, pg)
	exec := func(q string) {
		t.Helper()
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	cases := []struct {
		name, change, undo, wantDiff string // wantDiff "" means verify passes
	}{
		{"timestamp off by a microsecond", `UPDATE messages SET created_at = created_at + interval '1 microsecond' WHERE seq = 2`,
			`UPDATE messages SET created_at = created_at - interval '1 microsecond' WHERE seq = 2`, "messages"},
		{"boolean flipped", `UPDATE messages SET refused = NOT refused WHERE seq = 4`, `UPDATE messages SET refused = NOT refused WHERE seq = 4`, "messages"},
		{"jsonb number changed", `UPDATE messages SET citations = '[{"path": "education[0]", "weight": 1.6}]' WHERE seq = 2`,
			`UPDATE messages SET citations = '[{"path": "education[0]", "weight": 1.50}]' WHERE seq = 2`, "messages"},
		{"jsonb equal in meaning", `UPDATE messages SET citations = '[{"weight": 1.5, "path": "education[0]"}]' WHERE seq = 2`,
			`UPDATE messages SET citations = '[{"path": "education[0]", "weight": 1.50}]' WHERE seq = 2`, ""},
		{"profile document changed", `UPDATE profile_versions SET document = jsonb_set(document, '{basics,name}', '"Someone Else"')`,
			``, "profile_versions"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			exec(c.change)
			if c.undo != "" {
				defer exec(c.undo)
			}
			out, err := runCLI(t, ctx, "verify", "--from", from, "--to", pg)
			switch {
			case c.wantDiff == "" && err != nil:
				t.Errorf("verify found a difference: %v\n%s", err, out)
			case c.wantDiff != "" && (err == nil || !strings.Contains(out, "DIFFERENCE: "+c.wantDiff)):
				t.Errorf("verify missed the change (err %v):\n%s", err, out)
			}
		})
	}

	t.Run("restart refills", func(t *testing.T) {
		out, err := runCLI(t, ctx, "run", "--from", from, "--to", pg, "--restart", "--reject-file", rejects)
		if err != nil || !strings.Contains(out, "resumed: false") {
			t.Fatalf("run --restart: %v\n%s", err, out)
		}
		if out, err := runCLI(t, ctx, "verify", "--from", from, "--to", pg); err != nil {
			t.Fatalf("verify after restart: %v\n%s", err, out)
		}
	})

	t.Run("resume after the parents were copied", func(t *testing.T) {
		// What a run killed after the parents' chunks committed leaves behind.
		exec(`DELETE FROM messages`)
		exec(`UPDATE _parley_dbcopy.chunks SET done = false, rows = NULL WHERE table_name = 'messages'`)
		out, err := runCLI(t, ctx, "run", "--from", from, "--to", pg, "--reject-file", rejects)
		if err != nil || !strings.Contains(out, "resumed: true") {
			t.Fatalf("resumed run: %v\n%s", err, out)
		}
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM messages`).Scan(&n); err != nil || n != 4 {
			t.Fatalf("%d messages after resume (%v), want 4", n, err)
		}
		if out, err := runCLI(t, ctx, "verify", "--from", from, "--to", pg); err != nil {
			t.Fatalf("verify after resume: %v\n%s", err, out)
		}
	})

	t.Run("target with rows and no checkpoint is refused", func(t *testing.T) {
		exec(`DROP SCHEMA _parley_dbcopy CASCADE`)
		_, err := runCLI(t, ctx, "run", "--from", from, "--to", pg, "--reject-file", rejects)
		if err == nil || !strings.Contains(err.Error(), "already holds rows") {
			t.Fatalf("run into a used target: %v, want a refusal", err)
		}
	})
}

// TestParleySourceNewerThanBinary refuses a source whose schema has
// migrations this binary does not know: the target schema would not fit it.
func TestParleySourceNewerThanBinary(t *testing.T) {
	ctx := context.Background()
	path, _ := parleySQLite(t)
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (99999, 1)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = runCLI(t, ctx, "run", "--from", "sqlite:"+path, "--to", testenv.PostgresURL(t), "--reject-file", filepath.Join(t.TempDir(), "r.jsonl"))
	if err == nil || !strings.Contains(err.Error(), "newer than this parley binary") {
		t.Fatalf("run of a newer source: %v, want a refusal", err)
	}
}
