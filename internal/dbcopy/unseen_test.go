package dbcopy_test

import (
	"context"
	"crypto/md5"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// unseenCheck is one fact about the target after a copy: query returns one
// text value, want.
type unseenCheck struct {
	name, query, want string
}

// runResult is the part of "run --format json" the unseen tests read.
type runResult struct {
	Rows, Rejected int64
	Warnings       []string
	Manual         []struct{ Kind, Name, Detail string }
	Differences    []string
}

// copyAndVerify runs run --verify and verify, and returns run's summary.
func copyAndVerify(t *testing.T, src, dst string) runResult {
	t.Helper()
	ctx := context.Background()
	out, err := runCLI(t, ctx, "run", "--from", src, "--to", dst, "--verify", "--format", "json",
		"--reject-file", filepath.Join(t.TempDir(), "rejects.jsonl"))
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	var res runResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("run output %q: %v", out, err)
	}
	if _, err := runCLI(t, ctx, "verify", "--from", src, "--to", dst); err != nil {
		t.Fatalf("verify: %v", err)
	}
	return res
}

func isMariaDB(t *testing.T, dsn string) bool {
	t.Helper()
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	if err := db.QueryRow("SELECT VERSION()").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return strings.Contains(strings.ToLower(v), "mariadb")
}

func md5Repeat(s string, n int) string {
	sum := md5.Sum([]byte(strings.Repeat(s, n)))
	return hex.EncodeToString(sum[:])
}

// planHazards runs plan and returns its hazards as "kind table.column".
func planHazards(t *testing.T, src, dst string) map[string]bool {
	t.Helper()
	out := filepath.Join(t.TempDir(), "plan.json")
	if _, err := runCLI(t, context.Background(), "plan", "--from", src, "--to", dst, "--plan-out", out); err != nil {
		t.Fatalf("plan: %v", err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		Hazards []struct{ Table, Column, Kind string }
	}
	if err := json.Unmarshal(b, &plan); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, h := range plan.Hazards {
		got[h.Kind+" "+h.Table+"."+h.Column] = true
	}
	return got
}

func checkTarget(t *testing.T, dst string, checks []unseenCheck) {
	t.Helper()
	pg := pgConn(t, dst)
	ctx := context.Background()
	if _, err := pg.Exec(ctx, "SET TIME ZONE 'UTC'"); err != nil {
		t.Fatal(err)
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			var got *string
			if err := pg.QueryRow(ctx, c.query).Scan(&got); err != nil {
				t.Fatalf("%s: %v", c.query, err)
			}
			if got == nil || *got != c.want {
				t.Errorf("%s = %v, want %q", c.query, deref(got), c.want)
			}
		})
	}
}

// checkReported: each "kind name" appears in run's manual list.
func checkReported(t *testing.T, res runResult, want []string) {
	t.Helper()
	got := map[string]bool{}
	for _, m := range res.Manual {
		got[m.Kind+" "+m.Name] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("run does not report %q for manual porting; reported: %+v", w, res.Manual)
		}
	}
}

// sameRows checks that view holds the rows of query over the copied
// tables, some: run recreated it from the source's definition.
func sameRows(view, query string) unseenCheck {
	return unseenCheck{"view " + view, fmt.Sprintf(`SELECT (SELECT count(*) FROM (SELECT * FROM %q EXCEPT ALL (%s)) d)::text || ',' ||
		(SELECT count(*) FROM ((%s) EXCEPT ALL SELECT * FROM %q) d)::text || ',' || (SELECT count(*) > 0 FROM %q)::text`, view, query, query, view, view), "0,0,true"}
}

// TestUnseenMySQL copies testdata/unseen.sql: schemas as users write them
// (reserved and odd names, keyless tables, cyclic keys, generated columns,
// CHECKs, partitions, extreme floats, big rows), none in hazards.sql.
func TestUnseenMySQL(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/unseen.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))
	mariadb := isMariaDB(t, dsn)
	if mariadb {
		b, err := os.ReadFile("testdata/unseen_mariadb.sql")
		if err != nil {
			t.Fatal(err)
		}
		mysqlExec(t, dsn, string(b))
	}
	dst := testenv.PostgresURL(t)
	res := copyAndVerify(t, src, dst)
	if res.Rejected != 0 { // defs: its '0000-00-00' default is NULL (--zero-dates=null)
		t.Errorf("rejected %d rows, want 0", res.Rejected)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	checkReported(t, res, []string{
		"generated gen.total", "generated gen.tag",
		"partitioning parted", "trigger trg_user", "index idx.ft", "index idx.sp",
		"index idx.u_prefix", "default defs.u", "default defs.zd",
	})
	checkTarget(t, dst, []unseenCheck{
		sameRows("v_user", `SELECT id FROM "user"`),
		{"CHECKs translated", `SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ';' ORDER BY conname COLLATE "C") FROM pg_constraint WHERE conrelid = 'checked'::regclass AND contype = 'c'`, "checked_CONSTRAINT_1 CHECK ((age < 200));checked_age_ok CHECK ((age >= 0))"},
	})
	if mariadb {
		checkReported(t, res, []string{"sequence seq1", "system_versioning ver"})
		checkTarget(t, dst, []unseenCheck{
			{"uuid inet6 inet4", `SELECT concat_ws('|', u, abbrev(i6), abbrev(i4)) FROM newt WHERE id = 1`, "123e4567-e89b-12d3-a456-426614174000|::ffff:1.2.3.4|10.0.0.1"},
			{"system versioned current rows", `SELECT string_agg(id || ':' || v, ',') FROM ver`, "1:2"},
			{"zerofill and invisible", `SELECT z || ' ' || inv FROM zf`, "42 7"},
		})
	}
	checkTarget(t, dst, []unseenCheck{
		{"odd names", `SELECT concat_ws('|', "group", "CamelCase", "with space", "prénom", "表", "a-b") FROM "select"`, "1|Mixed|7|Zoë|中文|-1"},
		{"pg reserved names", `SELECT o."user"::text FROM "order" o JOIN "user" u ON u.id = o."user"`, "1"},
		{"names differing by case", `SELECT (SELECT id FROM "T")::text || (SELECT id FROM "t")::text`, "12"},
		{"quote and dot in names", `SELECT "co""l"::text FROM "we""ird.name"`, "1"},
		{"keyless duplicates", `SELECT string_agg(a || coalesce(b, '-'), ',' ORDER BY a, b) FROM nopk`, "1x,1x,1x,2-,2-"},
		{"float 2^24", `SELECT f::text FROM floats WHERE id = 2`, "1.6777216e+07"},
		{"float min normal", `SELECT f::text FROM floats WHERE id = 3`, "1.1754944e-38"},
		{"float 0.1", `SELECT f::float8::text FROM floats WHERE id = 1`, "0.10000000149011612"},
		{"double denormal", `SELECT d::text FROM floats WHERE id = 1`, "5e-324"},
		{"double max", `SELECT d::text FROM floats WHERE id = 3`, "1.7976931348623157e+308"},
		{"bit(1) and bit(64)", `SELECT b1::text || ' ' || b64::text FROM bits WHERE id = 1`, "1 " + strings.Repeat("1", 64)},
		{"bit default", `SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'defs'::regclass AND adnum = 4`, `'1'::"bit"`},
		{"utf8mb3, binary collation, enum quotes, varbinary zeros", `SELECT concat_ws('|', m3, bn, e, encode(vb, 'hex')) FROM charsets WHERE id = 1`, "Ærø ñ €|Case |it's|000100"},
		{"big rows", `SELECT length(t) || ' ' || octet_length(b) || ' ' || md5(b) FROM bigrows`, "2500000 5000000 " + md5Repeat("\x00\xff", 2500000)},
		{"json big number", `SELECT j::text FROM jsons WHERE id = 1`, `{"n": 12345678901234567890123, "f": 1.000, "e": 1e400, "u": "\ud83d\ude00 日本"}`},
		{"json duplicate keys", `SELECT j::text FROM jsons WHERE id = 2`, `{"a":1,"a":2}`},
		{"generated values", `SELECT total || ' ' || tag FROM gen`, "10.00 q4"},
		{"auto_increment start", `SELECT nextval(pg_get_serial_sequence('ai', 'id'))::text`, "1000000"},
		{"on update trigger", `WITH u AS (UPDATE stamped SET v = 2 RETURNING changed) SELECT (changed > '2001-02-03 04:05:06+00')::text FROM u`, "true"},
		{"self and cyclic keys", `SELECT count(*)::text FROM pg_constraint WHERE contype = 'f' AND convalidated AND conrelid IN ('emp'::regclass, 'cyc_a'::regclass, 'cyc_b'::regclass, 'child2'::regclass, 'uref'::regclass)`, "5"},
		{"identity at the type's maximum", `SELECT last_value || ' ' || is_called FROM aimax_id_seq`, "2147483647 true"},
		{"keys 0 and MaxInt64", `SELECT string_agg(v::text, ',' ORDER BY id) FROM bigkeys`, "1,2"},
		{"unique with NULLs", `SELECT count(*)::text FROM uq WHERE code IS NULL`, "2"},
	})
}

// TestUnseenSQLite: SQLite files as applications leave them.
func TestUnseenSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "unseen.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`CREATE TABLE untyped (id INTEGER PRIMARY KEY, ints, texts, reals, mixed)`,
		`INSERT INTO untyped VALUES (1, 42, 'a', 1.5, x'00ff'), (2, 9223372036854775807, 'b', 2, 'text'), (3, NULL, NULL, NULL, NULL)`,
		`CREATE TABLE nor (k TEXT PRIMARY KEY, v INT) WITHOUT ROWID`,
		`INSERT INTO nor VALUES ('b', 2), ('a', 1)`,
		`CREATE TABLE autoi (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)`,
		`INSERT INTO autoi (v) VALUES ('a'), ('b'), ('c')`,
		`DELETE FROM autoi WHERE id = 3`,
		`CREATE TABLE gen (id INTEGER PRIMARY KEY, a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL, c TEXT AS (a || 'x') STORED)`,
		`INSERT INTO gen (id, a) VALUES (1, 21)`,
		`CREATE TABLE Parent (id INTEGER PRIMARY KEY, name TEXT)`,
		`CREATE TABLE child (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent)`,
		`INSERT INTO Parent VALUES (1, 'p')`,
		`INSERT INTO child VALUES (1, 1)`,
		`CREATE TABLE "my table" ("a ""q"" col" TEXT, "Upper" INT)`,
		`INSERT INTO "my table" VALUES ('x', 1), ('x', 1)`,
		`CREATE TABLE affin (id INTEGER PRIMARY KEY, n INTEGER, r REAL)`,
		`INSERT INTO affin VALUES (1, 'abc', 1), (2, 1.5, 'x'), (3, 7, 1e308)`,
		`CREATE VIEW v AS SELECT * FROM Parent`,
		`CREATE TABLE decl (id INTEGER PRIMARY KEY, doc JSON, u UUID, s STRING, d DECIMAL(10,2))`,
		`INSERT INTO decl VALUES (1, '{"a": 1}', '123e4567-e89b-12d3-a456-426614174000', 'hello', 0.5), (2, '[1,2]', NULL, '42', 12.5)`,
		`CREATE TABLE ix (id INTEGER PRIMARY KEY, name TEXT, active INT, email TEXT COLLATE NOCASE)`,
		`CREATE INDEX ix_lower ON ix (lower(name))`,
		`CREATE UNIQUE INDEX ix_active ON ix (name) WHERE active = 1`,
		`CREATE UNIQUE INDEX ix_email ON ix (email)`,
		`INSERT INTO ix VALUES (1, 'a', 0, 'x@y'), (2, 'a', 1, 'z@y')`,
		`CREATE TABLE times (id INTEGER PRIMARY KEY, dt DATETIME, d DATE)`,
		`INSERT INTO times VALUES (1, '2024-01-02 03:04:05.1234567', NULL), (2, '2024-01-02 03:04:05.123456789-07:00', NULL),
			(3, NULL, '2024-01-02 03:04:05'), (4, '2024-01-02T03:04:05.123Z', '2024-01-02'), (5, '2024-01-02 03:04:05+05:30', '2024-01-03T00:00:00Z')`,
		`CREATE VIRTUAL TABLE docs USING fts5(title, body)`,
		`INSERT INTO docs VALUES ('a', 'hello world'), ('b', 'bye')`,
		`CREATE TABLE nullkey (k TEXT PRIMARY KEY, v INT)`,
		`INSERT INTO nullkey VALUES (NULL, 1), (NULL, 2), ('a', 3)`,
		`CREATE TABLE extremes (id INTEGER PRIMARY KEY, v TEXT)`,
		`INSERT INTO extremes VALUES (-9223372036854775808, 'min'), (0, 'zero'), (9223372036854775807, 'max')`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	dst := testenv.PostgresURL(t)
	h := planHazards(t, "sqlite:"+path, dst)
	for _, k := range []string{"collation_unique ix.email", "null_in_key nullkey.k"} {
		if !h[k] {
			t.Errorf("plan does not report %s: %v", k, h)
		}
	}
	res := copyAndVerify(t, "sqlite:"+path, dst)
	// affin 1 and 2: text in INTEGER, 1.5 in INTEGER, 'x' in REAL; times 1
	// and 2: digits below the microsecond; times 3: a time in a DATE column;
	// nullkey: two NULL keys.
	if res.Rejected != 7 {
		t.Errorf("rejected %d rows, want 7", res.Rejected)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	checkReported(t, res, []string{"generated gen.b", "generated gen.c", "virtual_table docs"})
	checkTarget(t, dst, []unseenCheck{
		sameRows("v", `SELECT * FROM "Parent"`),
		{"untyped integers", `SELECT min(pg_typeof(ints)::text) || ' ' || sum(ints) FROM untyped`, "bigint 9223372036854775849"},
		{"untyped texts", `SELECT min(pg_typeof(texts)::text) || ' ' || string_agg(texts, ',' ORDER BY id) FROM untyped`, "text a,b"},
		{"untyped reals", `SELECT min(pg_typeof(reals)::text) || ' ' || sum(reals) FROM untyped`, "double precision 3.5"},
		{"keys MinInt64 to MaxInt64", `SELECT string_agg(v, ',' ORDER BY id) || ' ' || (SELECT last_value || ' ' || is_called FROM extremes_id_seq) FROM extremes`,
			"min,zero,max 9223372036854775807 true"},
		{"JSON, UUID, STRING declared (NUMERIC affinity)", `SELECT string_agg(concat_ws('|', doc, u, s, pg_typeof(s), d), ';' ORDER BY id) FROM decl`,
			`{"a": 1}|123e4567-e89b-12d3-a456-426614174000|hello|text|0.5;[1,2]|42|text|12.5`},
		{"expression and partial indexes beside a plain one", `SELECT string_agg(indexname || ' ' || regexp_replace(indexdef, '.* USING btree ', ''), ',' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'ix'`,
			"ix_ix_active (name) WHERE (active = 1),ix_ix_email (email),ix_ix_lower (lower(name)),ix_pkey (id)"},
		{"datetimes kept to the microsecond or rejected", `SELECT string_agg(id || ' ' || dt || ' ' || d, ',' ORDER BY id) FROM times`,
			"4 2024-01-02 03:04:05.123+00 2024-01-02,5 2024-01-01 21:34:05+00 2024-01-03"},
		{"FTS5 rows without its shadow tables", `SELECT string_agg(title || ':' || body, ',' ORDER BY title) || ' ' || (SELECT count(*) FROM pg_tables WHERE tablename LIKE 'docs_%') FROM docs`,
			"a:hello world,b:bye 0"},
		{"NULL keys rejected, others kept", `SELECT string_agg(k || v, ',') FROM nullkey`, "a3"},
		{"without rowid", `SELECT string_agg(k || v, ',' ORDER BY k) FROM nor`, "a1,b2"},
		{"autoincrement never reuses", `SELECT nextval(pg_get_serial_sequence('autoi', 'id'))::text`, "4"},
		{"generated columns kept", `SELECT b || ' ' || c FROM gen`, "42 21x"},
		{"implicit parent key", `SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'child'::regclass AND contype = 'f'`, `FOREIGN KEY (pid) REFERENCES "Parent"(id)`},
		{"spaces and quotes, no key", `SELECT count(*) || ' ' || min("a ""q"" col") FROM "my table"`, "2 x"},
		{"affinity mixes rejected, rest kept", `SELECT string_agg(id::text, ',') FROM affin`, "3"},
	})
}
