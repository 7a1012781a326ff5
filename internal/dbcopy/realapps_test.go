package dbcopy_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// runWith is copyAndVerify with more flags given to run and verify.
func runWith(t *testing.T, src, dst string, extra ...string) runResult {
	t.Helper()
	ctx := context.Background()
	args := append([]string{"run", "--from", src, "--to", dst, "--verify", "--format", "json",
		"--reject-file", filepath.Join(t.TempDir(), "rejects.jsonl")}, extra...)
	out, err := runCLI(t, ctx, args...)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	var res runResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("run output %q: %v", out, err)
	}
	if _, err := runCLI(t, ctx, append([]string{"verify", "--from", src, "--to", dst}, extra...)...); err != nil {
		t.Fatalf("verify: %v", err)
	}
	return res
}

// TestRealAppsMySQL copies testdata/realapps.sql: WordPress, MediaWiki,
// Nextcloud, Magento and Mattermost tables as their installers create them.
func TestRealAppsMySQL(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/realapps.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))

	dst := testenv.PostgresURL(t)
	if h := planHazards(t, src, dst); !h["key_size objectcache_long.keyname"] {
		t.Errorf("plan does not report key_size objectcache_long.keyname: %v", h)
	}
	res := copyAndVerify(t, src, dst)
	// wp_comments 2: a zero date in a NOT NULL column whose default is no
	// zero date; wp_posts 2's zero post_date_gmt is NULL (--zero-dates=null).
	if res.Rejected != 1 {
		t.Errorf("rejected %d rows, want 1", res.Rejected)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "pk:objectcache_long:") || !strings.Contains(res.Warnings[0], "md5(col)") {
		t.Errorf("warnings %q; want only the primary key of objectcache_long, with what to do", res.Warnings)
	}
	checkReported(t, res, []string{"primary_key l10n_cache", "index wp_posts.post_name"})
	checkTarget(t, dst, []unseenCheck{
		{"binary composite key, mixed case", `SELECT string_agg(concat_ws(':', userid, appid, configkey, configvalue), ',' ORDER BY userid, appid, configkey) FROM oc_preferences`,
			"Admin:core:lang:de,admin:Files:K1,admin:core:lang:en"},
		{"long constraint names kept apart", `SELECT count(*)::text FROM pg_constraint WHERE conrelid = 'catalog_product_entity_decimal'::regclass AND contype = 'f' AND convalidated`, "2"},
		{"store 0", `SELECT string_agg(store_id || code, ',' ORDER BY store_id) FROM store`, "0admin,1default"},
		{"json in longtext", `SELECT pg_typeof("Props") || ' ' || ("Props"->>'from_bot') FROM "Posts"`, "json true"},
		{"rows of a table whose key PostgreSQL cannot build", `SELECT string_agg(octet_length(keyname)::text, ',' ORDER BY v) FROM objectcache_long`, "3040,5"},
		{"empty blob stays empty", `SELECT string_agg(octet_length(lc_value)::text, ',' ORDER BY octet_length(lc_value)) FROM l10n_cache`, "0,1"},
	})

	// WordPress's own advice: zero dates to NULL. post_date_gmt is NOT NULL
	// with a zero-date default; wp_comments' column has no such default.
	mapping := filepath.Join(t.TempDir(), "zero.yaml")
	if err := os.WriteFile(mapping, []byte(`mysql:
  - {type: datetime, target: "timestamp({fsp})", convert: timestamp, zero_date: "null"}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	dst2 := testenv.PostgresURL(t)
	res = runWith(t, src, dst2, "--mapping", mapping)
	if res.Rejected != 1 { // wp_comments 2: NULL in a NOT NULL column
		t.Errorf("zero_date null: rejected %d rows, want 1", res.Rejected)
	}
	checkReported(t, res, []string{"not_null wp_posts.post_date_gmt", "not_null wp_posts.post_date"})
	checkTarget(t, dst2, []unseenCheck{
		{"zero dates as NULL", `SELECT string_agg("ID" || ':' || coalesce(post_date_gmt::text, 'null'), ',' ORDER BY "ID") FROM wp_posts`,
			"1:2024-01-02 02:04:05,2:null"},
		{"NOT NULL kept where no zero-date default", `SELECT string_agg("comment_ID" || ':' || attnotnull, ',') FROM wp_comments, pg_attribute WHERE attrelid = 'wp_comments'::regclass AND attname = 'comment_date_gmt'`,
			"1:true"},
	})
}

// TestRealAppsSQLite: SQLite files of Django, Rails, Anki, Chrome,
// Firefox and Home Assistant, as far as they differ from the unseen suites.
func TestRealAppsSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "apps.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		// Anki: empty blobs in NOT NULL columns; names in its own collation.
		`CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE NOCASE, common blob NOT NULL, kind blob)`,
		`CREATE UNIQUE INDEX idx_decks_name ON decks (name)`,
		`INSERT INTO decks VALUES (1, 'Default', x'', x''), (2, 'Ünïcode::Sub', x'08', NULL)`,
		`CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE NOCASE, usn integer NOT NULL) WITHOUT ROWID`,
		`INSERT INTO tags VALUES ('vocab', 0), ('Z', 1)`,
		// Rails: datetime(6), and booleans as 't'/'f' before Rails 5.2.
		`CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "admin" boolean DEFAULT 'f', "created_at" datetime(6) NOT NULL)`,
		`INSERT INTO users VALUES (1, 't', '2024-01-02 03:04:05.123456'), (2, 'f', '2024-01-02 03:04:05'), (3, 1, '2024-01-02 03:04:05')`,
		// Django: a DecimalField that SQLite turned into a REAL.
		`CREATE TABLE "shop_order" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "total" decimal NOT NULL)`,
		`INSERT INTO shop_order VALUES (1, '12345678901234567890'), (2, '0.1')`,
		// Hand-written schema: referenced names in another case.
		`CREATE TABLE Accounts (id INTEGER PRIMARY KEY, Name TEXT)`,
		`CREATE TABLE sessions2 (id INTEGER PRIMARY KEY, account_id INTEGER, FOREIGN KEY (Account_ID) REFERENCES ACCOUNTS(ID) ON DELETE CASCADE)`,
		`INSERT INTO Accounts VALUES (1, 'a')`,
		`INSERT INTO sessions2 VALUES (1, 1)`,
		// Firefox: DEFAULT NULL written out.
		`CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, fk INTEGER DEFAULT NULL, "dateAdded" INTEGER)`,
		`INSERT INTO moz_bookmarks VALUES (1, NULL, 1700000000000000)`,
		// Anki registers "unicase" on its connections; the file names it.
		`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_master SET sql = replace(sql, 'COLLATE NOCASE', 'COLLATE unicase') WHERE name IN ('decks', 'tags')`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	dst := testenv.PostgresURL(t)
	h := planHazards(t, "sqlite:"+path, dst)
	if !h["collation_unique decks.name"] {
		t.Errorf("plan does not report collation_unique decks.name: %v", h)
	}
	res := copyAndVerify(t, "sqlite:"+path, dst)
	if res.Rejected != 0 {
		t.Errorf("rejected %d rows, want 0", res.Rejected)
	}
	checkReported(t, res, []string{"collation unicase"})
	for _, m := range res.Manual {
		if m.Kind == "default" || m.Kind == "foreign_key" {
			t.Errorf("reported %s %s (%s); want it translated", m.Kind, m.Name, m.Detail)
		}
	}
	checkTarget(t, dst, []unseenCheck{
		{"empty blobs stay empty, not NULL", `SELECT string_agg(id || ':' || coalesce(octet_length(common)::text, 'null') || ':' || coalesce(octet_length(kind)::text, 'null'), ',' ORDER BY id) FROM decks`,
			"1:0:0,2:1:null"},
		{"unicase rows", `SELECT (SELECT string_agg(name, ',' ORDER BY id) FROM decks) || ' ' || (SELECT string_agg(tag, ',' ORDER BY tag) FROM tags)`, "Default,Ünïcode::Sub Z,vocab"},
		{"datetime(6) is a timestamp", `SELECT min(pg_typeof(created_at)::text) || ' ' || string_agg(created_at::text, ',' ORDER BY id) FROM users`,
			"timestamp with time zone 2024-01-02 03:04:05.123456+00,2024-01-02 03:04:05+00,2024-01-02 03:04:05+00"},
		{"'t'/'f' booleans and their default", `SELECT string_agg(admin::text, ',' ORDER BY id) || ' ' || pg_get_expr(adbin, adrelid) FROM users, pg_attrdef WHERE adrelid = 'users'::regclass AND adnum = 2 GROUP BY adbin, adrelid`,
			"true,false,true false"},
		{"decimal stored as a large real", `SELECT string_agg(total::text, ',' ORDER BY id) FROM shop_order`, "12345678901234567000,0.1"},
		{"foreign key in the declared case", `SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'sessions2'::regclass AND contype = 'f'`,
			`FOREIGN KEY (account_id) REFERENCES "Accounts"(id) ON DELETE CASCADE`},
	})
}
