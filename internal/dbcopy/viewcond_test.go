package dbcopy_test

// Integers used as conditions and zero dates tested by views: the rows
// each view returns in the source and in PostgreSQL after a copy.

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestMySQLViewIntConditions: MySQL takes a number for a condition (true
// when not 0) where PostgreSQL wants a boolean: a derived table's
// comparison made an integer column, then used bare in WHERE, HAVING or
// CASE WHEN, and NOT of an integer column, return MariaDB's rows.
func TestMySQLViewIntConditions(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, "CREATE TABLE item (id int PRIMARY KEY, qty int, price decimal(8,2), active tinyint(1), lo int, hi int);\n"+
		"INSERT INTO item VALUES (1, 0, 1.50, 1, 1, 5), (2, 3, 0.00, 0, 0, 2), (3, NULL, NULL, NULL, 2, 2), (4, -2, 9.99, 1, 0, 0);\n"+
		"CREATE VIEW v_where AS SELECT d.id, d.flag FROM (SELECT id, qty > 0 AS flag FROM item) d WHERE d.flag;\n"+
		"CREATE VIEW v_having AS SELECT qty IS NULL AS flag, count(*) AS n FROM item GROUP BY qty IS NULL HAVING flag;\n"+
		"CREATE VIEW v_case AS SELECT d.id, CASE WHEN d.flag THEN 'big' ELSE 'small' END AS size, CASE d.flag WHEN 1 THEN 'one' ELSE 'other' END AS word FROM (SELECT id, price > 1 AS flag FROM item) d;\n"+
		"CREATE VIEW v_not AS SELECT id, NOT qty AS none, NOT price AS free FROM item WHERE NOT qty OR NOT hi;\n"+
		"CREATE VIEW v_and AS SELECT id FROM item WHERE qty AND id BETWEEN lo AND hi OR NOT lo AND active;\n"+
		"CREATE VIEW v_if AS SELECT d.id, IF(d.flag, 'y', 'n') AS yes FROM (SELECT id, lo < hi AS flag FROM item) d;\n")
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dst := testenv.PostgresURL(t)
	res := runWith(t, src, dst)
	for _, m := range res.Manual {
		if m.Kind == "view" && strings.Contains(m.Detail, "not created") {
			t.Errorf("view %s: %s", m.Name, m.Detail)
		}
	}
	compareViews(t, db, dst, []string{"v_where", "v_having", "v_case", "v_not", "v_and", "v_if"})
}

// TestSQLiteViewIntConditions: SQLite, too, gives a comparison's 1 and 0
// (named by its text when it has no alias) and takes a number for a
// condition.
func TestSQLiteViewIntConditions(t *testing.T) {
	path := sqliteFile(t, `CREATE TABLE item (id INTEGER PRIMARY KEY, qty INTEGER, price REAL, lo INTEGER, hi INTEGER);
INSERT INTO item VALUES (1, 0, 1.5, 1, 5), (2, 3, 0.0, 0, 2), (3, NULL, NULL, 2, 2), (4, -2, 9.99, 0, 0);
CREATE VIEW v_items AS SELECT id, qty IS NULL, price > 1, qty = 3 OR lo = 0, id AS k FROM item;
CREATE VIEW v_where AS SELECT d.id, d.flag FROM (SELECT id, qty > 0 AS flag FROM item) d WHERE d.flag;
CREATE VIEW v_not AS SELECT id, NOT qty AS none, NOT price AS free FROM item WHERE NOT qty OR NOT hi;
CREATE VIEW v_case AS SELECT d.id, CASE WHEN d.flag THEN 'big' ELSE 'small' END AS size FROM (SELECT id, price > 1 AS flag FROM item) d;
CREATE VIEW v_and AS SELECT id FROM item WHERE qty AND id BETWEEN lo AND hi OR NOT lo AND price`)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dst := testenv.PostgresURL(t)
	res := runWith(t, "sqlite:"+path, dst)
	for _, m := range res.Manual {
		if m.Kind == "view" && strings.Contains(m.Detail, "not created") {
			t.Errorf("view %s: %s", m.Name, m.Detail)
		}
	}
	compareViews(t, db, dst, []string{"v_items", "v_where", "v_not", "v_case", "v_and"})
	checkTarget(t, dst, []unseenCheck{
		{"unaliased comparisons named and typed as SQLite's", `SELECT string_agg(column_name || ':' || data_type, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'v_items'`,
			"id:bigint,qty IS NULL:integer,price > 1:integer,qty = 3 OR lo = 0:integer,k:bigint"},
	})
}

// sqliteFile is a SQLite database built by script (statements ending
// ";\n").
func sqliteFile(t *testing.T, script string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "script.sql")
	if err := os.WriteFile(p, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	return loadSQLiteScript(t, p)
}

// TestMySQLViewZeroDates: with --zero-dates null, a view testing a column
// that holds zero dates (IS NULL, = '0000-00-00', <, COUNT) is refused
// with the column and the rule that keeps them; one showing the column
// as an item, or testing a column without zero dates, is created and
// returns MariaDB's rows.
func TestMySQLViewZeroDates(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, "SET SESSION sql_mode = '';\n"+
		"CREATE TABLE inv (id int PRIMARY KEY, paid_at date NULL, shipped_at datetime NULL, amount int);\n"+
		"INSERT INTO inv VALUES (1, '0000-00-00', NULL, 10), (2, NULL, '2024-01-02 03:04:05', 20), (3, '2024-03-01', NULL, 30);\n"+
		"CREATE VIEW v_unpaid AS SELECT id FROM inv WHERE paid_at IS NULL;\n"+
		"CREATE VIEW v_zero AS SELECT id FROM inv WHERE paid_at = '0000-00-00';\n"+
		"CREATE VIEW v_early AS SELECT i.id, i.paid_at AS paid_at FROM inv i WHERE i.paid_at < '2024-01-01';\n"+
		"CREATE VIEW v_count AS SELECT count(paid_at) AS n FROM inv;\n"+
		"CREATE VIEW v_list AS SELECT i.id AS id, i.paid_at AS paid_at, i.amount FROM inv i;\n"+
		"CREATE VIEW v_over AS SELECT id FROM v_list WHERE paid_at IS NULL;\n"+
		"CREATE VIEW v_unshipped AS SELECT id, shipped_at IS NULL AS open FROM inv WHERE shipped_at IS NULL;\n")
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dst := testenv.PostgresURL(t)
	res := runWith(t, src, dst)
	for _, v := range []string{"v_unpaid", "v_zero", "v_early", "v_count", "v_over"} {
		if d, _ := manualDetail(res, "view", v); !strings.Contains(d, "not created: it reads inv.paid_at, which holds zero dates") || !strings.Contains(d, "{target: text, convert: text}") {
			t.Errorf("view %s: %q does not refuse it for inv.paid_at's zero dates", v, d)
		}
	}
	compareViews(t, db, dst, []string{"v_unshipped"})
	checkTarget(t, dst, []unseenCheck{
		{"a zero-dated column shown as an item", `SELECT string_agg(id || ':' || coalesce(paid_at::text, 'null'), ',' ORDER BY id) FROM v_list`, "1:null,2:null,3:2024-03-01"},
	})
}

// TestMySQLViewIfnullText: IFNULL and COALESCE of a number or a date and
// a string give MySQL's string (IFNULL(room_no, '?')), where PostgreSQL
// read the string as a number or date and refused the view.
func TestMySQLViewIfnullText(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, "CREATE TABLE r (id int PRIMARY KEY, n smallint unsigned, d date, ts datetime, m decimal(6,2), s varchar(9));\n"+
		"INSERT INTO r VALUES (1, 7, '2024-02-29', '2024-03-01 09:05:00', 1.50, 'x'), (2, NULL, NULL, NULL, NULL, NULL), (3, 0, '9999-12-31', '2000-01-01 00:00:00', -0.05, '');\n"+
		"CREATE VIEW v_text AS SELECT id, IFNULL(n, '?') AS n, IFNULL(d, '') AS d, COALESCE(ts, m, 'none') AS t, CONCAT('R', IFNULL(n, '-')) AS label, IFNULL(s, 'nil') AS s FROM r;\n")
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dst := testenv.PostgresURL(t)
	runWith(t, src, dst)
	compareViews(t, db, dst, []string{"v_text"})
}
