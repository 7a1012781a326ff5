package dbcopy_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestTrackerMySQL copies testdata/tracker.sql, a Gitea/Redmine-like
// tracker: index columns sorted descending keep their order, a MERGE table
// is left out and reported (copied with --copy-merge-tables), and the TIME, YEAR, BIT, SET, circular-key and
// ON UPDATE cases that were right stay right.
func TestTrackerMySQL(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/tracker.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))
	dst := testenv.PostgresURL(t)
	res := copyAndVerify(t, src, dst)
	if res.Rejected != 0 {
		t.Errorf("rejected %d rows, want 0", res.Rejected)
	}
	checkReported(t, res, []string{"engine log_all"})
	index := func(name string) string {
		return `SELECT regexp_replace(indexdef, '.* USING btree ', '') FROM pg_indexes WHERE indexname = '` + name + `'`
	}
	checkTarget(t, dst, []unseenCheck{
		{"DESC index column", index("repository_IDX_repository_owner_private_updated"), "(owner_id, is_private, updated_unix DESC)"},
		{"DESC BIT column first", index("issue_IDX_issue_flags"), "(flags DESC, closed_year)"},
		{"ascending index unchanged", index("repository_UQE_repository_s"), "(owner_id, lower_name)"},
		{"MERGE table left out, its tables copied", `SELECT (SELECT count(*) FROM pg_tables WHERE tablename = 'log_all') || ' ' ||
			(SELECT msg FROM log_2024_01) || (SELECT msg FROM log_2024_02)`, "0 janfeb"},
		{"TIME past 24 hours and negative, YEAR, BIT(3)", `SELECT string_agg(coalesce(time_estimate::text, 'null') || '/' || closed_year || '/' || flags, ',' ORDER BY id) FROM issue`,
			"-25:30:00.5/2024/101,100:00:00/1901/111,838:59:59/2155/000,null/0/010"},
		{"unique key over nullable columns", `SELECT count(*)::text FROM issue WHERE "index" IS NULL`, "2"},
		{"SET in an index", `SELECT string_agg(array_to_string(perms, '+'), ',' ORDER BY id) FROM time_entries`, "view+log time,"},
		{"FLOAT exact", `SELECT string_agg(hours::text, ',' ORDER BY id) FROM time_entries`, "0.1,1.3333334"},
		{"circular keys", `SELECT count(*)::text FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('projects'::regclass, 'versions'::regclass) AND convalidated`, "3"},
		{"identity past the maximum", `SELECT nextval(pg_get_serial_sequence('issue', 'id'))::text`, "5"},
	})
	for _, m := range res.Manual {
		if m.Kind == "engine" && m.Name == "log_all" && !strings.Contains(m.Detail, "not copied") {
			t.Errorf("MERGE report: %s", m.Detail)
		}
	}
	dst2 := testenv.PostgresURL(t)
	runRejects(t, src, dst2, filepath.Join(t.TempDir(), "rejects.jsonl"), "--copy-merge-tables")
	checkTarget(t, dst2, []unseenCheck{
		{"MERGE table copied on request", `SELECT string_agg(msg, ',' ORDER BY id) FROM log_all`, "jan,feb"},
	})
}
