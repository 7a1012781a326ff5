package dbcopy_test

// h-db15: views judged by the columns their FROM clauses name (not by a
// column name across the database), COALESCE/IFNULL over decimals with
// MySQL's scale, and HAVING on an alias inside subqueries, derived tables
// and UNION branches.

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestMySQLViewScopeTypes: inv.paid_at holds a zero date and refund.paid_at
// none; a.flag is an int and b.flag a tinyint(1). A view reading
// refund.paid_at or a.flag through an alias is judged by that column, not
// by the other table's namesake: created, with MariaDB's rows.
func TestMySQLViewScopeTypes(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, "SET SESSION sql_mode = '';\n"+
		"CREATE TABLE inv (id int PRIMARY KEY, paid_at date NULL);\n"+
		"CREATE TABLE refund (id int PRIMARY KEY, inv_id int, paid_at date NULL);\n"+
		"INSERT INTO inv VALUES (1, '0000-00-00'), (2, NULL), (3, '2024-03-01');\n"+
		"INSERT INTO refund VALUES (10, 1, NULL), (11, 2, '2024-04-01'), (12, 3, NULL);\n"+
		"CREATE TABLE a (id int PRIMARY KEY, flag int);\n"+
		"CREATE TABLE b (id int PRIMARY KEY, flag tinyint(1));\n"+
		"INSERT INTO a VALUES (1, 0), (2, 5), (3, -1), (4, NULL);\n"+
		"INSERT INTO b VALUES (1, 1), (2, 0), (3, 1), (4, 1);\n"+
		"CREATE VIEW v_open_refunds AS SELECT r.id, r.inv_id FROM refund r JOIN inv i ON i.id = r.inv_id WHERE r.paid_at IS NULL;\n"+
		"CREATE VIEW v_flags AS SELECT x.id, CASE WHEN x.flag THEN 'on' ELSE 'off' END AS st, IF(x.flag, 1, 0) AS i FROM a x JOIN b y ON y.id = x.id WHERE y.flag = 1;\n")
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
	compareViews(t, db, dst, []string{"v_open_refunds", "v_flags"})
}

// TestSQLiteViewScopeTypes: the same for SQLite, whose names are bare
// words: a.flag INTEGER beside b.flag BOOLEAN.
func TestSQLiteViewScopeTypes(t *testing.T) {
	path := sqliteFile(t, `CREATE TABLE a (id INTEGER PRIMARY KEY, flag INTEGER);
CREATE TABLE b (id INTEGER PRIMARY KEY, flag BOOLEAN);
INSERT INTO a VALUES (1, 0), (2, 5), (3, -1), (4, NULL);
INSERT INTO b VALUES (1, 1), (2, 0), (3, 1), (4, 1);
CREATE VIEW v_flags AS SELECT x.id FROM a AS x JOIN b y ON y.id = x.id WHERE x.flag AND y.flag = 1;
CREATE VIEW v_sum AS SELECT sum(b.flag) AS n, sum(a.flag) AS m FROM a, b WHERE a.id = b.id`)
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
	compareViews(t, db, dst, []string{"v_flags", "v_sum"})
}

// TestMySQLViewCoalesceDecimal: IFNULL and COALESCE over DECIMAL columns
// give MySQL's scale (the largest of the arguments': 0.00, 12.340, 1.50),
// where PostgreSQL's coalesce kept each value's own (0, 12.34).
func TestMySQLViewCoalesceDecimal(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, "CREATE TABLE acct (id int PRIMARY KEY, bal decimal(10,2), fee decimal(8,3), n int, big bigint unsigned);\n"+
		"INSERT INTO acct VALUES (1, 12.34, NULL, NULL, NULL), (2, NULL, 0.125, 7, 18446744073709551615), (3, NULL, NULL, NULL, 5), (4, -0.5, 1.000, 0, NULL);\n"+
		"CREATE VIEW v_bal AS SELECT id, IFNULL(bal, 0) AS b0, COALESCE(bal, fee, 0) AS bf, IFNULL(n, 0) AS n0, COALESCE(bal, 1.5) AS b15, IFNULL(fee, n) AS fn, COALESCE(big, bal) AS bb, IFNULL(bal, -1) AS bm FROM acct;\n"+
		"CREATE VIEW v_total AS SELECT IFNULL(SUM(bal), 0) AS total, COALESCE(MAX(fee), 0) AS top FROM acct WHERE id > 100;\n"+
		"CREATE VIEW v_sums AS SELECT a.id, IFNULL(SUM(b.bal), 0) AS s FROM acct a LEFT JOIN acct b ON b.id = a.id + 1 GROUP BY a.id;\n")
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dst := testenv.PostgresURL(t)
	runWith(t, src, dst)
	compareViews(t, db, dst, []string{"v_bal", "v_total", "v_sums"})
}

// TestMySQLViewHavingAliasNested: MySQL reads a SELECT item's alias in
// HAVING at every level: in a derived table, an IN subquery and a UNION
// branch, as at the top.
func TestMySQLViewHavingAliasNested(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, "CREATE TABLE item (id int PRIMARY KEY, cat int, qty int);\n"+
		"INSERT INTO item VALUES (1, 1, 5), (2, 1, 0), (3, 2, 7), (4, 3, 1), (5, 3, 2), (6, 3, NULL);\n"+
		"CREATE VIEW v_derived AS SELECT d.cat, d.n FROM (SELECT cat, count(*) AS n FROM item GROUP BY cat HAVING n > 1) d;\n"+
		"CREATE VIEW v_in AS SELECT id FROM item WHERE cat IN (SELECT cat FROM item GROUP BY cat HAVING sum(qty) > 4 AND count(*) > 1);\n"+
		"CREATE VIEW v_in_alias AS SELECT id FROM item WHERE cat IN (SELECT cat FROM (SELECT cat, sum(qty) AS total FROM item GROUP BY cat HAVING total > 4) t);\n"+
		"CREATE VIEW v_union AS SELECT cat, count(*) AS n FROM item GROUP BY cat HAVING n > 2 UNION ALL SELECT cat, sum(qty) AS n FROM item GROUP BY cat HAVING n < 3;\n")
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
	compareViews(t, db, dst, []string{"v_derived", "v_in", "v_in_alias", "v_union"})
}

// TestSQLiteViewHavingAlias: SQLite too reads an alias in HAVING, at the
// top and in a derived table.
func TestSQLiteViewHavingAlias(t *testing.T) {
	path := sqliteFile(t, `CREATE TABLE item (id INTEGER PRIMARY KEY, cat INTEGER, qty INTEGER);
INSERT INTO item VALUES (1, 1, 5), (2, 1, 0), (3, 2, 7), (4, 3, 1), (5, 3, 2), (6, 3, NULL);
CREATE VIEW v_top AS SELECT cat, count(*) AS n FROM item GROUP BY cat HAVING n > 1;
CREATE VIEW v_derived AS SELECT d.cat, d.total FROM (SELECT cat, sum(qty) AS total FROM item GROUP BY cat HAVING total > 4) AS d`)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dst := testenv.PostgresURL(t)
	runWith(t, "sqlite:"+path, dst)
	compareViews(t, db, dst, []string{"v_top", "v_derived"})
}

// TestMySQLViewBitCondition: a BIT column as a condition (IF(p.old, ...),
// WHERE b.f, CASE WHEN) is true in MySQL when a bit is set; PostgreSQL's
// bit is no boolean and refused the view.
func TestMySQLViewBitCondition(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, "CREATE TABLE p (id int PRIMARY KEY, old bit(1) NOT NULL DEFAULT b'0', f bit(8) NULL);\n"+
		"INSERT INTO p VALUES (1, b'0', b'00000000'), (2, b'1', b'00010000'), (3, b'1', NULL), (4, b'0', b'10000001');\n"+
		"CREATE VIEW v_bit AS SELECT q.id, IF(q.old, 'old', 'current') AS cat, CASE WHEN q.f THEN 1 ELSE 0 END AS any_f FROM p q WHERE q.f OR q.old;\n")
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dst := testenv.PostgresURL(t)
	runWith(t, src, dst)
	compareViews(t, db, dst, []string{"v_bit"})
}
