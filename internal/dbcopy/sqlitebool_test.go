package dbcopy_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestSQLiteBooleanWords: SQLite apps write booleans as words ('true',
// 't', 'yes', ' TRUE ') beside 0 and 1, in BOOLEAN columns and in the
// TINYINT(1) and BIT columns of schemas written for MySQL. Every such
// word is copied as a PostgreSQL boolean (a TINYINT(1) or BIT holding
// them and no integer but 0 and 1 becomes boolean); anything else ('maybe',
// 2) is rejected naming why; verify then agrees with the source.
func TestSQLiteBooleanWords(t *testing.T) {
	path := sqliteFile(t, `CREATE TABLE flags (id INTEGER PRIMARY KEY, active BOOLEAN, fav TINYINT(1) DEFAULT 0, seen BIT, lvl TINYINT(1));
INSERT INTO flags VALUES (1, 'true', 'true', 't', 0), (2, 'false', 'no', 'f', 1), (3, 't', 1, 1, 2), (4, 'f', 0, 0, 0),
 (5, 'yes', 'Yes', 'y', 1), (6, 'no', NULL, 'n', NULL), (7, ' TRUE ', 'off', 'on', 1), (8, 'No', 'ON', NULL, 0),
 (9, 1, 0, 0, 'yes'), (10, 0, 1, 1, 0), (11, NULL, 'False', 'FALSE', 1), (12, 'maybe', 1, 0, 0)`)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dst := testenv.PostgresURL(t)
	h := planHazards(t, "sqlite:"+path, dst)
	if !h["flag_words flags.fav"] || !h["flag_words flags.seen"] || h["flag_words flags.lvl"] {
		t.Errorf("plan hazards %v: want flag_words for fav and seen, not lvl", h)
	}
	rejectFile := filepath.Join(t.TempDir(), "rejects.jsonl")
	res := runRejects(t, "sqlite:"+path, dst, rejectFile)
	rej := map[string]string{}
	for _, r := range readRejects(t, rejectFile) {
		rej[r.Key+" "+r.Column] = r.Reason
	}
	if len(rej) != 2 || !strings.Contains(rej[`{"id":"12"} active`], `not a boolean: "maybe"`) || !strings.Contains(rej[`{"id":"9"} lvl`], "not an integer") {
		t.Errorf("rejects %q: want id 12's active (not a boolean) and id 9's lvl (a TINYINT(1) holding 2 stays an integer)", rej)
	}
	if res.Rejected != 2 {
		t.Errorf("rejected %d rows, want 2", res.Rejected)
	}
	reportCompare(t, "built-in rules", compareAll(t, "sqlite", db, dst), map[string]int{"flags": 2})
	checkTarget(t, dst, []unseenCheck{
		{"types", `SELECT string_agg(column_name || ':' || data_type, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'flags'`,
			"id:bigint,active:boolean,fav:boolean,seen:boolean,lvl:bigint"},
		{"values", `SELECT string_agg(id || ':' || coalesce(active::text, '-') || coalesce(fav::text, '-') || coalesce(seen::text, '-'), ',' ORDER BY id) FROM flags`,
			"1:truetruetrue,2:falsefalsefalse,3:truetruetrue,4:falsefalsefalse,5:truetruetrue,6:false-false,7:truefalsetrue,8:falsetrue-," +
				"10:falsetruetrue,11:-falsefalse"},
		{"default", `SELECT column_default FROM information_schema.columns WHERE table_name = 'flags' AND column_name = 'fav'`, "false"},
	})
}
