package dbcopy_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestUnseenMySQL2 copies testdata/unseen2.sql: names that PostgreSQL
// reserves (system columns) or picks for itself (t_pkey, t_id_seq, index
// names scoped per schema), comments, events, per-group AUTO_INCREMENT.
func TestUnseenMySQL2(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/unseen2.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))
	dst := testenv.PostgresURL(t)
	h := planHazards(t, src, dst)
	for _, k := range []string{"system_column syscols.xmin", "system_column syscols.ctid", "system_column syscols.tableoid", "system_column syscols.cmax"} {
		if !h[k] {
			t.Errorf("plan does not report %s: %v", k, h)
		}
	}
	res := copyAndVerify(t, src, dst)
	// orph_c: rows 2 and 3 reference no parent (loaded with foreign_key_checks=0).
	if res.Rejected != 0 || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "2 row(s) of orph_c reference no row of orph_p: key kept NOT VALID") {
		t.Errorf("rejected %d, warnings %q; want only orph_c's orphans", res.Rejected, res.Warnings)
	}
	checkReported(t, res, []string{"event ev1", "procedure proc1", "auto_increment grp.n", "foreign_key nu_c.fk_nonuniq"})
	checkTarget(t, dst, []unseenCheck{
		{"system column names renamed", `SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'syscols'::regclass AND attnum > 0`,
			"id,xmin__2,ctid_,oid,tableoid_,cmax_,xmin_"},
		{"system column values", `SELECT concat_ws(',', xmin__2, ctid_, oid, tableoid_, cmax_, xmin_) FROM syscols`, "2,3,4,5,6,7"},
		{"index names unique per schema", `SELECT string_agg(tablename || ':' || indexdef, ',' ORDER BY tablename) FROM pg_indexes WHERE tablename IN ('a', 'a_b') AND indexname NOT LIKE '%pkey'`,
			"a:CREATE INDEX a_b_c ON public.a USING btree (x),a_b:CREATE INDEX a_b_c_2 ON public.a_b USING btree (x)"},
		{"primary key beside a table named like it", `SELECT count(*)::text FROM pg_constraint WHERE contype = 'p' AND conrelid IN ('tp'::regclass, 'tp_pkey'::regclass)`, "2"},
		{"identity beside a table named like its sequence", `SELECT nextval(pg_get_serial_sequence('items', 'id')) || ' ' || (SELECT id FROM items_id_seq)`, "3 9"},
		{"orphans keep the key, NOT VALID", `SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'orph_c'::regclass AND contype = 'f'`,
			"FOREIGN KEY (pid) REFERENCES orph_p(id) ON UPDATE RESTRICT ON DELETE RESTRICT NOT VALID"},
		{"comments", `SELECT concat_ws('|', obj_description('commented'::regclass), col_description('commented'::regclass, 1), col_description('commented'::regclass, 2))`,
			`table's comment|the key|it's "v"`},
		{"foreign key actions", `SELECT string_agg(pg_get_constraintdef(oid), ';' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'fkc'::regclass AND contype = 'f'`,
			"FOREIGN KEY (p1) REFERENCES fkp(id) ON UPDATE RESTRICT ON DELETE SET NULL;FOREIGN KEY (p2) REFERENCES fkp(id) ON UPDATE CASCADE ON DELETE RESTRICT"},
		{"ENUM '' member, SET order", `SELECT string_agg(quote_literal(e) || s::text, ';' ORDER BY id) FROM enums`, `''{a,d};'a'{a,"b c",d}`},
		{"TIMESTAMP in another zone, negative TIME under an hour", `SELECT string_agg(ts || ' ' || tm, ';' ORDER BY id) FROM tz`,
			"2024-01-01 00:00:00+00 -00:30:00;2038-01-19 03:14:07.999999+00 -00:00:00.5"},
		{"string default 'NULL', empty default", `SELECT concat_ws('|', quote_nullable(sn), quote_nullable(se), neg) FROM defs2`, "'NULL'|''|-1"},
		{"sjis, gbk, cp1251, ucs2, utf32", `SELECT concat_ws('|', sj, gb, cy, u2, u32) FROM cs`, "日本語|中文字|Привет|Ωμέγα|😀x"},
		{"backslashes and CR", `SELECT string_agg(t, '|' ORDER BY id) FROM esc`, "\\.|a\\nb\\|x\r\ny\r"},
		{"backtick in names", `SELECT "c` + "`" + `d"::text FROM "a` + "`" + `b"`, "1"},
	})
}

// TestVerifyAfterFailedRun: a run that stops before its chunk plan is
// saved leaves an empty plan behind; verify must still compare every
// table, not pass on a target that holds nothing.
func TestVerifyAfterFailedRun(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, `CREATE TABLE one (id INT PRIMARY KEY); INSERT INTO one VALUES (1);
		CREATE TABLE two (id INT PRIMARY KEY); INSERT INTO two VALUES (2);`)
	dst := testenv.PostgresURL(t)
	pg := pgConn(t, dst)
	if _, err := pg.Exec(context.Background(), `CREATE TABLE two (id int)`); err != nil {
		t.Fatal(err)
	}
	if _, err := runCLI(t, context.Background(), "run", "--from", src, "--to", dst); err == nil {
		t.Fatal("run into a target holding table two succeeded; want a refusal")
	}
	_, err := runCLI(t, context.Background(), "verify", "--from", src, "--to", dst)
	if err == nil || !strings.Contains(err.Error(), "source table one is not in the target") {
		t.Errorf("verify on a target without table one: %v; want a refusal naming it", err)
	}
}

// TestUnseenSQLite2: SQLite names PostgreSQL reserves or chooses, and CHECK
// constraints, which SQLite keeps only in its CREATE TABLE text.
func TestUnseenSQLite2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "unseen2.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`CREATE TABLE "a.b" (id INTEGER PRIMARY KEY, xmin INT, "ctid" TEXT)`,
		`INSERT INTO "a.b" VALUES (3, 4, 'c')`,
		`CREATE TABLE sck (id INTEGER PRIMARY KEY, age INT CHECK (age >= 0), CONSTRAINT named CHECK (id > 0))`,
		`INSERT INTO sck VALUES (1, 5)`,
		`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)`,
		`CREATE TABLE t_pkey (id INTEGER PRIMARY KEY)`,
		`CREATE TABLE t_id_seq (id INTEGER PRIMARY KEY)`,
		`INSERT INTO t VALUES (1, 'a')`,
		`INSERT INTO t_pkey VALUES (2)`,
		`INSERT INTO t_id_seq VALUES (3)`,
		`CREATE TABLE sp (id INTEGER PRIMARY KEY)`,
		`CREATE TABLE sc (id INTEGER PRIMARY KEY, a INTEGER REFERENCES sp(id) ON DELETE CASCADE, b INTEGER REFERENCES sp(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED)`,
		`INSERT INTO sp VALUES (1)`,
		`INSERT INTO sc VALUES (1, 1, 1)`,
		`CREATE TABLE inf (id INTEGER PRIMARY KEY, r REAL)`,
		`INSERT INTO inf VALUES (1, 9e999), (2, -9e999)`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	dst := testenv.PostgresURL(t)
	res := copyAndVerify(t, "sqlite:"+path, dst)
	if res.Rejected != 0 || len(res.Warnings) != 0 {
		t.Errorf("rejected %d, warnings %q; want none", res.Rejected, res.Warnings)
	}
	checkTarget(t, dst, []unseenCheck{
		{"CHECKs translated", `SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ';' ORDER BY conname COLLATE "C") FROM pg_constraint WHERE conrelid = 'sck'::regclass AND contype = 'c'`, "sck_check1 CHECK ((age >= 0));sck_named CHECK ((id > 0))"},
		{"system column names renamed", `SELECT xmin_ || ctid_ FROM "a.b"`, "4c"},
		{"keys and identities beside tables named like them", `SELECT count(*) || ' ' || nextval(pg_get_serial_sequence('t', 'id')) FROM pg_constraint WHERE contype = 'p' AND conrelid IN ('t'::regclass, 't_pkey'::regclass, 't_id_seq'::regclass)`, "3 2"},
		{"foreign keys keep DEFERRABLE", `SELECT string_agg(pg_get_constraintdef(oid), ';' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'sc'::regclass AND contype = 'f'`,
			"FOREIGN KEY (b) REFERENCES sp(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;FOREIGN KEY (a) REFERENCES sp(id) ON DELETE CASCADE"},
		{"infinities", `SELECT string_agg(r::text, ',' ORDER BY id) FROM inf`, "Infinity,-Infinity"},
	})
}
