package dbcopy_test

// h-db14's unseen round: a hospital's appointments and billing on
// MariaDB (testdata/hospital14.sql) and a kitchen inventory app on
// SQLite (testdata/pantry14.sql), copied into PostgreSQL, compared value
// by value with compareAll and view by view with the source's own rows.

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestHospitalMySQL14: composite keys and a composite foreign key with a
// NULL part, ENUMs with empty-string and hyphenated members, JSON, STORED and VIRTUAL
// generated columns, a trigger, emoji and combining marks, DECIMAL money,
// TIME durations, tinyint(1) flags compared with numbers in views, views
// with GROUP_CONCAT, IFNULL, DATE_FORMAT, IF, SUM of a condition and a
// derived table's comparison used as a condition.
func TestHospitalMySQL14(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/hospital14.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dst := testenv.PostgresURL(t)
	res := runRejects(t, src, dst, filepath.Join(t.TempDir(), "rejects.jsonl"))
	if res.Rejected != 0 {
		t.Errorf("rejected %d rows, want 0", res.Rejected)
	}
	checkReported(t, res, []string{"generated appointment.ends_at", "generated invoice.gross", "generated patient.full_name",
		"trigger trg_appt_status", "view v_dept_load"})
	reportCompare(t, "built-in rules", compareAll(t, "mysql", db, dst), nil)
	compareViews(t, db, dst, []string{"v_patient_summary", "v_open_balance", "v_active_clinicians", "v_day_sheet", "v_line_totals"})
}

// TestPantrySQLite14: a STRICT table, a WITHOUT ROWID table, MySQL-style
// type names (INT(11), VARCHAR, TINYINT(1), BOOLEAN, DATETIME, DOUBLE),
// dates as text in several formats and as epochs, AUTOINCREMENT with a
// deleted top row, partial and expression indexes, a typeless column, and
// views with unaliased comparisons, NOT of a boolean and SUM of one.
func TestPantrySQLite14(t *testing.T) {
	path := loadSQLiteScript(t, "testdata/pantry14.sql")
	src, dst := "sqlite:"+path, testenv.PostgresURL(t)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rejectFile := filepath.Join(t.TempDir(), "rejects.jsonl")
	res := runRejects(t, src, dst, rejectFile)
	t.Logf("rejected %d, warnings %q, manual %+v", res.Rejected, res.Warnings, res.Manual)
	reportCompare(t, "built-in rules", compareAll(t, "sqlite", db, dst), nil)
	mapping, _ := rulesOf(t, readRejects(t, rejectFile))
	dst2 := testenv.PostgresURL(t)
	res2 := runWith(t, src, dst2, "--mapping", mapping)
	t.Logf("with rules: rejected %d", res2.Rejected)
	reportCompare(t, "named rules", compareAll(t, "sqlite", db, dst2), nil)
	compareViews(t, db, dst2, []string{"low_stock", "category_counts", "open_shopping", "recipe_needs", "item_moves"})
}
