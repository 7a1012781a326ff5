package dbcopy_test

// h-db8's unseen round: WordPress and Nextcloud on MariaDB
// (testdata/unseen5.sql) and Gitea on SQLite (testdata/gitea5.sql), as
// their installers create them, copied into PostgreSQL and compared value
// by value with compareAll (which reads both sides itself). Each rejected
// value's reason names a --mapping rule; the tests pass those rules back
// and expect every value copied exactly.

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parleyhq/parley/internal/testenv"
)

type planOut struct {
	Hazards []struct{ Table, Column, Kind, Detail string }
	Manual  []struct{ Kind, Name, Detail string }
}

func readPlan(t *testing.T, src, dst string) planOut {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.json")
	if _, err := runCLI(t, context.Background(), "plan", "--from", src, "--to", dst, "--plan-out", path); err != nil {
		t.Fatalf("plan: %v", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var p planOut
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p planOut) hazard(kind, table, column string) string {
	for _, h := range p.Hazards {
		if h.Kind == kind && h.Table == table && h.Column == column {
			return h.Detail
		}
	}
	return ""
}

// manualDetail returns the detail run reported for "kind name".
func manualDetail(res runResult, kind, name string) (string, bool) {
	for _, m := range res.Manual {
		if m.Kind == kind && m.Name == name {
			return m.Detail, true
		}
	}
	return "", false
}

var ruleLine = regexp.MustCompile(`--mapping FILE with the line (columns: \{.*?\}\})`)

// rulesOf reads the first --mapping rule each reject's reason names and
// writes them as one mapping file. A column whose rejects name different
// first rules fails the test: one rule must take all its values.
func rulesOf(t *testing.T, rejects []rejectLine) (path string, n int) {
	t.Helper()
	cols := map[string]map[string]string{}
	for _, r := range rejects {
		m := ruleLine.FindStringSubmatch(r.Reason)
		if m == nil {
			t.Errorf("reject of %s.%s names no --mapping rule: %s", r.Table, r.Column, r.Reason)
			continue
		}
		var rule struct {
			Columns map[string]map[string]string `yaml:"columns"`
		}
		if err := yaml.Unmarshal([]byte(m[1]), &rule); err != nil {
			t.Errorf("rule %q of %s.%s is no YAML: %v", m[1], r.Table, r.Column, err)
			continue
		}
		for k, v := range rule.Columns {
			if k != r.Table+"."+r.Column {
				t.Errorf("rule %q names %s, not the rejected %s.%s", m[1], k, r.Table, r.Column)
			}
			if prev, ok := cols[k]; ok && (prev["target"] != v["target"] || prev["convert"] != v["convert"]) {
				t.Errorf("rejects of %s name two rules: %v and %v", k, prev, v)
			}
			cols[k] = v
		}
	}
	b, err := yaml.Marshal(map[string]any{"columns": cols})
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "mapping.yaml")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Logf("mapping from the rejects' rules:\n%s", b)
	return path, len(cols)
}

func reportCompare(t *testing.T, name string, c valueCompare, wantMissing map[string]int) {
	t.Helper()
	t.Logf("%s: %d values compared, %d wrong, rows not copied: %v", name, c.values, len(c.wrong), c.missing)
	for _, w := range c.wrong {
		t.Errorf("%s: %s", name, w)
	}
	if len(c.missing) != len(wantMissing) {
		t.Errorf("%s: rows not copied %v, want %v", name, c.missing, wantMissing)
	}
	for k, v := range wantMissing {
		if c.missing[k] != v {
			t.Errorf("%s: rows not copied %v, want %v", name, c.missing, wantMissing)
		}
	}
	if c.values == 0 {
		t.Errorf("%s: no values compared", name)
	}
}

// TestWordPressNextcloudMySQL: WordPress (zero dates in drafts, PHP
// serialized options, a plugin's view, a PAD SPACE _ci unique key) and
// Nextcloud (utf8mb4_bin, PAD SPACE, on every key; INVISIBLE columns).
func TestWordPressNextcloudMySQL(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/unseen5.sql")
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

	p := readPlan(t, src, dst)
	for _, c := range []struct{ table, column, want string }{
		// MariaDB refuses 'Ab3dE5fG7hJ9kL1 ' beside 'Ab3dE5fG7hJ9kL1' (PAD SPACE); PostgreSQL takes it.
		{"oc_share", "token", "'a' and 'a ' one key"},
		{"oc_filecache", "path_hash", "'a' and 'a ' one key"},
		{"oc_preferences", "userid", "'a' and 'a ' one key"},
		{"wp_options", "option_name", "'a', 'A' and 'A '"},
	} {
		if d := p.hazard("collation_unique", c.table, c.column); !strings.Contains(d, c.want) {
			t.Errorf("plan's collation_unique for %s.%s = %q, want it to say %q", c.table, c.column, d, c.want)
		}
	}
	if d := p.hazard("collation_unique", "oc_jobs", "id"); d != "" {
		t.Errorf("an integer key reported as a collation hazard: %s", d)
	}

	// Run 1, the built-in rules with --zero-dates=reject (the default
	// stores NULL): the draft's zero dates are rejected, and their reasons
	// name the rule that copies them.
	rejectFile := filepath.Join(t.TempDir(), "rejects.jsonl")
	res := runRejects(t, src, dst, rejectFile, "--zero-dates", "reject")
	if res.Rejected != 1 {
		t.Errorf("rejected %d rows, want 1 (the auto-draft's zero post_date_gmt)", res.Rejected)
	}
	for _, k := range []string{"oc_jobs.note", "oc_jobs.created_at"} {
		if d, ok := manualDetail(res, "invisible", k); !ok || !strings.Contains(d, "copied") {
			t.Errorf("INVISIBLE column %s not reported as copied: %q", k, d)
		}
	}
	if d, _ := manualDetail(res, "view", "wp_published"); !strings.Contains(d, "created") || !strings.Contains(d, "collation") {
		t.Errorf("view wp_published: %q does not say it was created, comparing text otherwise", d)
	}
	reportCompare(t, "built-in rules", compareAll(t, "mysql", db, dst), map[string]int{"wp_posts": 1})
	checkTarget(t, dst, []unseenCheck{
		sameRows("wp_published", `SELECT "ID", post_title, post_date_gmt FROM wp_posts WHERE post_status = 'publish'`),
		{"invisible values", `SELECT string_agg(id || ':' || coalesce(note, 'null') || ':' || to_char(created_at, 'MI:SS.MS'), ',' ORDER BY id) FROM oc_jobs WHERE id < 3`, "1:scanned:00:00.125,2:null:00:01.000"},
		{"PHP serialized", `SELECT md5(option_value) FROM wp_options WHERE option_name = 'cron'`, md5Repeat(`a:2:{i:1709251200;a:1:{s:16:"wp_version_check";a:1:{s:32:"40cd750bba9870f18aada2478b24840a";a:3:{s:8:"schedule";s:10:"twicedaily";s:4:"args";a:0:{}s:8:"interval";i:43200;}}}s:7:"version";i:2;}`, 1)},
		{"trailing space kept", `SELECT quote_literal(name) FROM oc_filecache WHERE fileid = 4`, "'Readme.md '"},
	})
	// The hazard is real: MariaDB refuses a token differing by a trailing space, PostgreSQL takes it.
	if _, err := db.Exec("INSERT INTO oc_share (id, token) VALUES (9, 'Ab3dE5fG7hJ9kL1 ')"); err == nil {
		t.Error("MariaDB took a token differing by a trailing space: the PAD SPACE hazard is not what the plan says")
	}
	if rejects(t, dst, `INSERT INTO oc_share (id, token) VALUES (9, 'Ab3dE5fG7hJ9kL1 ')`) {
		t.Error("PostgreSQL refused a token differing by a trailing space")
	}

	// Run 2 with the rules the rejects named: nothing rejected, every value exact.
	mapping, n := rulesOf(t, readRejects(t, rejectFile))
	if n != 2 {
		t.Errorf("%d columns ruled, want post_date_gmt and post_modified_gmt", n)
	}
	dst2 := testenv.PostgresURL(t)
	res2 := runWith(t, src, dst2, "--mapping", mapping)
	if res2.Rejected != 0 {
		t.Errorf("with the named rules: rejected %d rows, want 0", res2.Rejected)
	}
	reportCompare(t, "named rules", compareAll(t, "mysql", db, dst2), nil)
	checkTarget(t, dst2, []unseenCheck{
		{"zero date kept as its text", `SELECT post_date_gmt || '|' || post_modified_gmt FROM wp_posts WHERE "ID" = 2`, "0000-00-00 00:00:00|0000-00-00 00:00:00"},
	})
}

// TestGiteaSQLite5: Gitea's xorm schema; a DATETIME column holding xorm's
// text, Go's zero time and Go's time.String() form; a NOCASE unique name;
// a view and a trigger.
func TestGiteaSQLite5(t *testing.T) {
	path := loadSQLiteScript(t, "testdata/gitea5.sql")
	src, dst := "sqlite:"+path, testenv.PostgresURL(t)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	p := readPlan(t, src, dst)
	d := p.hazard("collation_unique", "login_source", "name")
	for _, want := range []string{"'Alice' and 'alice' one key", "lower(col)", "'É' and 'é'"} {
		if !strings.Contains(d, want) {
			t.Errorf("login_source.name's collation_unique %q does not say %q", d, want)
		}
	}

	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	res := runRejects(t, src, dst, rejects)
	if res.Rejected != 1 {
		t.Errorf("rejected %d rows, want 1 (Go's time.String() form)", res.Rejected)
	}
	if d, _ := manualDetail(res, "view", "v_active_users"); !strings.Contains(d, "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'v_active_users'") {
		t.Errorf("view v_active_users: %q does not say where its SELECT is", d)
	}
	if d, _ := manualDetail(res, "trigger", "trg_user_updated"); !strings.Contains(d, "sqlite_master") {
		t.Errorf("trigger trg_user_updated: %q does not say where its body is", d)
	}
	reportCompare(t, "built-in rules", compareAll(t, "sqlite", db, dst), map[string]int{"external_login_user": 1})

	// With the named rule (text), expires_at is copied byte for byte: the
	// driver's time.Time would have respelled it, or been rejected by text.
	mapping, _ := rulesOf(t, readRejects(t, rejects))
	dst2 := testenv.PostgresURL(t)
	res2 := runWith(t, src, dst2, "--mapping", mapping)
	if res2.Rejected != 0 {
		t.Errorf("with the named rules: rejected %d rows, want 0", res2.Rejected)
	}
	reportCompare(t, "named rules", compareAll(t, "sqlite", db, dst2), nil)
	checkTarget(t, dst2, []unseenCheck{
		{"DATETIME as its text", `SELECT string_agg(expires_at, '|' ORDER BY external_id) FROM external_login_user`,
			"2024-03-01 10:00:00|0001-01-01 00:00:00+00:00|2024-03-01 11:00:00.123456789 +0100 CET"},
	})
}

// TestSQLiteRejectsNameTheirRule: a SQLite file holding, in columns of
// every declared kind, values the built-in rules reject. Every reject names
// a rule; one rule per column takes all its values; with them, nothing is
// rejected and every value compares equal.
func TestSQLiteRejectsNameTheirRule(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{
		`CREATE TABLE prefs (id INTEGER PRIMARY KEY, enabled BOOLEAN, n INTEGER, score REAL, amount NUMERIC, day DATE, at DATETIME, ts TIMESTAMP, note TEXT, raw TEXT)`,
		`INSERT INTO prefs VALUES (1, 1, 5, 1.5, 12.5, '2024-01-02', '2024-01-02 03:04:05', '2024-01-02 03:04:05', 'ok', 'ok')`,
		`INSERT INTO prefs VALUES (2, 2, 'n/a', 'high', 'lots', '2024-01-02 10:00:00', '2024-01-02T03:04:05.123456789+02:00', '2024-02-30 00:00:00', 'a' || char(0) || 'b', CAST(x'ff00fe' AS TEXT))`,
		`INSERT INTO prefs VALUES (3, 'maybe', 9.5, 2, 'x', 'yesterday', 'soon', 1700000000, 'fine', 'zoë')`,
		`INSERT INTO prefs VALUES (4, 'yes', 7, 2.5, 3, '2024-01-03', '2024-01-02 03:04', '2024-01-02T03:04:05Z', 'x', 'y')`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	src, dst := "sqlite:"+path, testenv.PostgresURL(t)
	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	res := runRejects(t, src, dst, rejects)
	if res.Rejected != 2 {
		t.Errorf("rejected %d rows, want rows 2 and 3", res.Rejected)
	}
	lines := readRejects(t, rejects)
	kinds := map[string]bool{}
	for _, r := range lines {
		kind, _, _ := strings.Cut(r.Reason, ":")
		kinds[kind] = true
	}
	t.Logf("%d rejected values, kinds %v", len(lines), kinds)
	mapping, n := rulesOf(t, lines)
	if n != 9 {
		t.Errorf("%d columns ruled, want all 9 but id", n)
	}
	dst2 := testenv.PostgresURL(t)
	res2 := runWith(t, src, dst2, "--mapping", mapping)
	if res2.Rejected != 0 {
		t.Errorf("with the named rules: rejected %d rows, want 0", res2.Rejected)
	}
	reportCompare(t, "named rules", compareAll(t, "sqlite", db, dst2), nil)
	checkTarget(t, dst2, []unseenCheck{
		{"times as their text", `SELECT string_agg(at || '/' || ts, '|' ORDER BY id) FROM prefs`,
			"2024-01-02 03:04:05/2024-01-02 03:04:05|2024-01-02T03:04:05.123456789+02:00/2024-02-30 00:00:00|soon/1700000000|2024-01-02 03:04/2024-01-02T03:04:05Z"},
		{"NUL and non-UTF-8 as bytes", `SELECT encode(note, 'hex') || '|' || encode(raw, 'hex') FROM prefs WHERE id = 2`, "610062|ff00fe"},
	})
}

// TestShopMySQL5: an invented shop (testdata/shop5.sql): generated columns,
// stored and virtual, one in a unique key; ENUM, SET, BIT, POINT with a
// SPATIAL key, JSON, DECIMAL; composite primary and foreign keys; a view;
// an INVISIBLE AUTO_INCREMENT key and an INVISIBLE JSON column.
func TestShopMySQL5(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/shop5.sql")
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
	res := copyAndVerify(t, src, dst)
	if res.Rejected != 0 {
		t.Errorf("rejected %d rows, want 0", res.Rejected)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings %q, want none", res.Warnings)
	}
	checkReported(t, res, []string{"generated product.gross", "generated product.sku_upper", "generated stock.available",
		"generated order_line.line_total", "invisible price_log.id", "invisible price_log.meta"})
	reportCompare(t, "shop", compareAll(t, "mysql", db, dst), nil)
	checkTarget(t, dst, []unseenCheck{
		sameRows("v_order_totals", `SELECT o.id, o.customer_email, SUM(l.line_total) FROM orders o JOIN order_line l ON l.order_id = o.id GROUP BY o.id, o.customer_email`),
		{"composite foreign keys built and valid", `SELECT string_agg(conname || ':' || convalidated, ',' ORDER BY conname) FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('stock'::regclass, 'order_line'::regclass)`,
			"order_line_fk_line_order:true,order_line_fk_line_stock:true,stock_fk_stock_product:true,stock_fk_stock_wh:true"},
		{"ENUM check kept", `SELECT count(*)::text FROM pg_constraint WHERE contype = 'c' AND conrelid = 'product'::regclass`, "2"},
		{"SET as array", `SELECT array_to_string(tags, '+') FROM product WHERE id = 3`, "sale+bulky"},
		{"unique key over a generated column", `SELECT count(*)::text FROM pg_indexes WHERE tablename = 'order_line' AND indexdef LIKE '%UNIQUE%line_total%'`, "1"},
		{"identity past the keys", `SELECT nextval(pg_get_serial_sequence('orders', 'id'))::text`, "1003"},
		{"INVISIBLE key and JSON", `SELECT string_agg(id || ':' || coalesce(meta::text, 'null'), ',' ORDER BY id) || ' ' || nextval(pg_get_serial_sequence('price_log', 'id')) FROM price_log`,
			`1:null,2:null,3:{"by": "import", "at": "2024-03-01"} 4`},
		{"INVISIBLE JSON typed json", `SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'price_log'::regclass AND attname = 'meta'`, "json"},
	})
	if _, err := pgConn(t, dst).Exec(context.Background(), `UPDATE warehouse SET code = 7 WHERE region = 'IT'`); err != nil {
		t.Fatal(err)
	}
	checkTarget(t, dst, []unseenCheck{
		{"composite key cascades", `SELECT string_agg(region || code, ',') FROM stock WHERE product_id = 3`, "IT7"},
	})
	// A cascade into a row order_line references is refused, as MariaDB refuses it.
	const upd = `UPDATE warehouse SET code = 3 WHERE region = 'FR' AND code = 1`
	if _, err := db.Exec(upd); err == nil {
		t.Errorf("MariaDB took %s", upd)
	}
	if !rejects(t, dst, upd) {
		t.Errorf("PostgreSQL took %s, which MariaDB refuses", upd)
	}
}
