package dbcopy_test

// h-db14's unseen round: a hospital's appointments and billing on
// MariaDB (testdata/hospital14.sql) and a kitchen inventory app on
// SQLite (testdata/pantry14.sql), copied into PostgreSQL, compared value
// by value with compareAll and view by view with the source's own rows.

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
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
	// item: '2024-02-30' in DATE ('true' and 'yes' in the TINYINT(1)
	// is_fav beside 0 and 1 make it boolean since h-db15); prefs:
	// numbers in a typeless column (bytea by affinity); shopping: '' in
	// DATETIME.
	if res.Rejected != 4 {
		t.Errorf("rejected %d rows, want 4", res.Rejected)
	}
	// Bakery took id 8 (sqlite_sequence was 7), leaving Sourdough's
	// category 4 an orphan in the source.
	if len(res.Warnings) != 1 {
		t.Errorf("warnings %q, want 1 foreign key kept NOT VALID", res.Warnings)
	}
	checkReported(t, res, []string{})
	reportCompare(t, "built-in rules", compareAll(t, "sqlite", db, dst), map[string]int{"item": 1, "prefs": 2, "shopping": 1})
	checkTarget(t, dst, []unseenCheck{
		{"AUTOINCREMENT's next value", `SELECT nextval(pg_get_serial_sequence('category', 'id'))::text`, "9"},
		{"partial and expression indexes", `SELECT count(*)::text FROM pg_indexes WHERE indexname IN ('item_item_expiring', 'item_item_name_lower', 'item_item_barcode', 'shopping_shopping_open', 'stock_move_move_item_at')`, "5"},
		{"STRICT and WITHOUT ROWID tables' types", `SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, ordinal_position) FROM information_schema.columns WHERE table_name IN ('stock_move', 'recipe_item')`,
			"recipe_item.recipe:text,recipe_item.item_id:bigint,recipe_item.amount:numeric,recipe_item.optional:boolean," +
				"stock_move.id:bigint,stock_move.item_id:bigint,stock_move.delta:double precision,stock_move.at:text,stock_move.note:text"},
	})

	// With the rules the rejects name, every row but the blob arrives.
	mapping, _ := rulesOf(t, readRejects(t, rejectFile))
	dst2 := testenv.PostgresURL(t)
	res2 := runWith(t, src, dst2, "--mapping", mapping)
	if res2.Rejected != 1 {
		t.Errorf("with the named rules: rejected %d rows, want 1 (prefs' blob)", res2.Rejected)
	}
	reportCompare(t, "named rules", compareAll(t, "sqlite", db, dst2), map[string]int{"prefs": 1})
	compareViews(t, db, dst2, []string{"low_stock", "open_shopping", "item_moves"})
	// is_fav is boolean: sum() of it counts 'yes' as 1 (SQLite sums it
	// as 0: the plan says so), and the view is created.
	for _, w := range res2.Warnings {
		if strings.Contains(w, "view:category_counts") {
			t.Errorf("warning %q: category_counts not created", w)
		}
	}
	// optional is boolean in the table, and so in the view.
	checkTarget(t, dst2, []unseenCheck{
		{"recipe_needs, optional as its table's boolean", `SELECT string_agg(recipe || '|' || name || '|' || optional::int || '|' || coalesce(short::text, 'null'), ',' ORDER BY recipe, name COLLATE "C") FROM recipe_needs`,
			"Apple pie|Butter|0|0,Apple pie|Äpfel|0|0,Pancakes|Milk|0|0"},
	})
}
