package dbcopy_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// loadSQLiteScript builds a SQLite file from a script of one statement per
// line, statements separated by ";\n".
func loadSQLiteScript(t *testing.T, script string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "app.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range strings.Split(string(b), ";\n") {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "--") {
				lines = append(lines, l)
			}
		}
		if s = strings.TrimSpace(strings.Join(lines, "\n")); s == "" {
			continue
		}
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}

// runRejects is runWith with the reject file at rejects; extra flags go to
// run and verify.
func runRejects(t *testing.T, src, dst, rejects string, extra ...string) runResult {
	t.Helper()
	ctx := context.Background()
	out, err := runCLI(t, ctx, append([]string{"run", "--from", src, "--to", dst, "--verify", "--format", "json", "--reject-file", rejects}, extra...)...)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	var res runResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("run output %q: %v", out, err)
	}
	if _, err := runCLI(t, ctx, append([]string{"verify", "--from", src, "--to", dst}, extra...)...); err != nil {
		t.Fatalf("verify: %v", err)
	}
	return res
}

// TestDjangoAppSQLite copies testdata/djangoapp.sql in chunks of 2 rows. An
// INTEGER PRIMARY KEY that is not the rowid (declared DESC, or in a WITHOUT
// ROWID table) may hold NULL, text and reals: integer chunk bounds skipped
// the NULL row without a word (verify agreed) and failed on text; now such
// a key chunks only when it holds integers alone, and is no identity.
// Descending index columns stay descending; empty names are renamed; a
// TEXT column referencing an INTEGER key is reported, not attempted;
// datetimes with spaces before the offset are read as SQLite reads them.
func TestDjangoAppSQLite(t *testing.T) {
	src, dst := "sqlite:"+loadSQLiteScript(t, "testdata/djangoapp.sql"), testenv.PostgresURL(t)
	h := planHazards(t, src, dst)
	for _, want := range []string{"null_in_key legacy.x", "type_mismatch legacy_text.x", "type_mismatch checkins_text.id", "empty_identifier odd.", "empty_identifier ."} {
		if !h[want] {
			t.Errorf("plan does not report %s: %v", want, h)
		}
	}
	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	res := runRejects(t, src, dst, rejects, "--chunk-rows", "2")
	ctx := context.Background()
	// 2 datetimes in forms SQLite's functions do not read (the Julian day
	// is copied), the NULL key, 'abc' and 4.5, 'x'
	if res.Rejected != 6 {
		t.Errorf("rejected %d rows, want 6: %+v", res.Rejected, readRejects(t, rejects))
	}
	checkReported(t, res, []string{"foreign_key tokens.fk1"})
	for _, w := range res.Warnings {
		if strings.Contains(w, "cannot be implemented") {
			t.Errorf("warning with PostgreSQL's bare error instead of a report: %s", w)
		}
	}
	pg := pgConn(t, dst)
	chunks := func(table string) int {
		var n int
		if err := pg.QueryRow(ctx, `SELECT count(*) FROM _parley_dbcopy.chunks WHERE table_name = $1`, table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := chunks("checkins"); n < 2 {
		t.Errorf("checkins (WITHOUT ROWID, integer keys only) copied in %d chunk(s), want it chunked", n)
	}
	identity := func(table string) string {
		return `SELECT CASE attidentity WHEN '' THEN 'none' ELSE 'identity' END FROM pg_attribute WHERE attrelid = '` + table + `'::regclass AND attnum = 1`
	}
	checkTarget(t, dst, []unseenCheck{
		{"rows of a DESC integer key", `SELECT string_agg(x || v, ',' ORDER BY x) FROM legacy`, "1a,2b,3c,4d"},
		{"DESC integer key is no identity", identity("legacy"), "none"},
		{"WITHOUT ROWID integer key is no identity", identity("checkins"), "none"},
		{"rowid alias stays an identity", identity("shop_product"), "identity"},
		{"integer rows beside text keys", `SELECT string_agg(x || v, ',' ORDER BY x) FROM legacy_text`, "1a,2b,3c"},
		{"WITHOUT ROWID rows", `SELECT count(*)::text FROM checkins`, "5"},
		{"DESC index column", `SELECT regexp_replace(indexdef, '.* USING btree ', '') FROM pg_indexes WHERE tablename = 'shop_product' AND indexname LIKE '%created'`, `(created_at DESC, name)`},
		{"partial unique index (soft delete) stays partial", `SELECT regexp_replace(indexdef, '.* USING btree ', '') FROM pg_indexes WHERE indexname LIKE '%live_name'`,
			`(name) WHERE (deleted_at IS NULL)`},
		{"empty column name", `SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'odd'::regclass AND attnum > 0`, "__2,x,_"},
		{"key between comparable types kept", `SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'tokens'::regclass AND contype = 'f'`,
			"FOREIGN KEY (owner_id) REFERENCES accounts(id)"},
		{"value under the renamed empty column", `SELECT "__2" || ',' || x || ',' || "_" FROM odd`, "1,2,3"},
		{"empty table name", `SELECT x::text FROM "_"`, "5"},
		{"datetimes SQLite reads", `SELECT string_agg(applied::text, ',' ORDER BY id) FROM django_migrations`,
			"2024-01-02 03:04:05.123456+00,2024-01-02 03:04:05+00,2024-01-01 21:34:05.5+00,2024-01-02 03:04:00+00,2024-01-02 00:00:00+00,2024-01-02 02:04:05.25+00"},
	})
	var nullKey bool
	for _, r := range readRejects(t, rejects) {
		nullKey = nullKey || r.Table == "legacy" && strings.HasPrefix(r.Reason, "null_in_key")
	}
	if !nullKey {
		t.Errorf("the NULL key of legacy is not in the reject file: %+v", readRejects(t, rejects))
	}
}
