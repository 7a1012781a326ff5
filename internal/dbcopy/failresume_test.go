package dbcopy_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestCopyFailureSaysWhatIsKept: a chunk that the target refuses (here a
// CHECK of the existing target table) stops run with the table, the
// chunk, PostgreSQL's reason and the row, says what is kept; once the cause is
// fixed, run continues and copies the rest, without duplicates.
func TestCopyFailureSaysWhatIsKept(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, `CREATE TABLE items (id INT PRIMARY KEY, v VARCHAR(10) NOT NULL);
		INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'bad'), (5, 'e'), (6, 'f');`)
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	pg := pgConn(t, dst)
	if _, err := pg.Exec(ctx, `CREATE TABLE items (id integer PRIMARY KEY, v text NOT NULL CONSTRAINT no_bad CHECK (v <> 'bad'))`); err != nil {
		t.Fatal(err)
	}
	args := []string{"run", "--from", src, "--to", dst, "--into-existing", "--chunk-rows", "2", "--workers", "1",
		"--reject-file", filepath.Join(t.TempDir(), "r.jsonl")}
	_, err := runCLI(t, ctx, args...)
	if err == nil || !strings.Contains(err.Error(), "copy items chunk") || !strings.Contains(err.Error(), "no_bad") || !strings.Contains(err.Error(), "(4, bad)") ||
		!strings.Contains(err.Error(), "run again to copy the rest") {
		t.Fatalf("run error = %v, want the chunk, the constraint and what is kept", err)
	}
	if _, err := pg.Exec(ctx, `ALTER TABLE items DROP CONSTRAINT no_bad`); err != nil {
		t.Fatal(err)
	}
	if _, err := runCLI(t, ctx, args...); err != nil {
		t.Fatalf("run after the fix: %v", err)
	}
	checkTarget(t, dst, []unseenCheck{
		{"every row once", `SELECT string_agg(id || v, ',' ORDER BY id) FROM items`, "1a,2b,3c,4bad,5e,6f"},
	})
}
