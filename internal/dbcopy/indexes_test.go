package dbcopy_test

import (
	"context"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// indexDef is a query for the key and predicate of index name.
func indexDef(name string) string {
	return `SELECT regexp_replace(indexdef, '.* USING btree ', '') FROM pg_indexes WHERE indexname = '` + name + `'`
}

// rejects reports whether the target refuses stmt.
func rejects(t *testing.T, dst, stmt string) bool {
	t.Helper()
	_, err := pgConn(t, dst).Exec(context.Background(), stmt)
	return err != nil
}

// TestSQLiteIndexesBuilt copies testdata/indexes.sql: a partial UNIQUE
// index stays partial, lower() in a unique key folds ASCII only as
// SQLite's does, and what cannot be translated is reported with its SQL.
func TestSQLiteIndexesBuilt(t *testing.T) {
	src, dst := "sqlite:"+loadSQLiteScript(t, "testdata/indexes.sql"), testenv.PostgresURL(t)
	res := copyAndVerify(t, src, dst)
	if res.Rejected != 0 || len(res.Warnings) != 0 {
		t.Errorf("rejected %d, warnings %q", res.Rejected, res.Warnings)
	}
	checkReported(t, res, []string{"index users.users_nick", "index users.users_like", "index accounts.accounts_lower_email"})
	for _, m := range res.Manual {
		if m.Name == "users.users_like" && !strings.Contains(m.Detail, "CREATE INDEX users_like ON users (id) WHERE email LIKE '%@example.org'") {
			t.Errorf("report of users_like lacks the source SQL: %s", m.Detail)
		}
	}
	checkTarget(t, dst, []unseenCheck{
		{"partial unique stays partial", indexDef("users_users_live_email"), "(email) WHERE (deleted_at IS NULL)"},
		{"unique lower() folds as SQLite", indexDef("accounts_accounts_lower_email"),
			"(translate(email, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'::text, 'abcdefghijklmnopqrstuvwxyz'::text))"},
		{"plain lower() index", indexDef("users_users_lower_name"), "(lower(name))"},
		{"boolean and IN predicate", indexDef("users_users_open"),
			"(status, id DESC) WHERE ((active = true) AND (status = ANY (ARRAY['open'::text, 'held'::text])))"},
		{"both rows SQLite kept apart", `SELECT count(*)::text FROM accounts`, "3"},
		{"not translated: not built", `SELECT count(*)::text FROM pg_indexes WHERE indexname IN ('users_users_nick', 'users_users_like')`, "0"},
	})
	if !rejects(t, dst, `INSERT INTO users (id, email, active) VALUES (10, 'a@x', true)`) {
		t.Error("a second live a@x was accepted")
	}
	if rejects(t, dst, `INSERT INTO users (id, email, deleted_at, active) VALUES (11, 'b@x', now(), true)`) {
		t.Error("a second deleted b@x was refused: the partial index is no longer partial")
	}
	if !rejects(t, dst, `INSERT INTO accounts VALUES (12, 'B@X')`) {
		t.Error("B@X beside b@x was accepted: lower() is not in the unique key")
	}
}

// TestMySQLPrefixIndexes: a unique prefix (index or primary key) stays as
// unique as in MySQL, where on whole columns it accepted rows MySQL refused;
// a plain prefix on TEXT is built on the prefix, which any value fits.
func TestMySQLPrefixIndexes(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, `CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(50), body TEXT, UNIQUE KEY u_name (name(3)), KEY k_body (body(10)));
INSERT INTO p VALUES (1, 'abcdef', REPEAT(MD5('x'), 100)), (2, 'abd', 'short'), (3, NULL, NULL), (4, NULL, NULL);
CREATE TABLE kp (k VARCHAR(50) NOT NULL, v INT, PRIMARY KEY (k(4)));
INSERT INTO kp VALUES ('aaaa1', 1), ('bbbb1', 2);`)
	dst := testenv.PostgresURL(t)
	if h := planHazards(t, src, dst); h["key_size p.body"] {
		t.Errorf("plan warns of long keys in p.body, whose index holds its first 10 characters: %v", h)
	}
	res := copyAndVerify(t, src, dst)
	if res.Rejected != 0 || len(res.Warnings) != 0 {
		t.Errorf("rejected %d, warnings %q", res.Rejected, res.Warnings)
	}
	checkReported(t, res, []string{"index p.u_name", "index p.k_body", "primary_key kp"})
	checkTarget(t, dst, []unseenCheck{
		{"unique prefix", indexDef("p_u_name"), "(\"left\"((name)::text, 3))"},
		{"text prefix", indexDef("p_k_body"), "(\"left\"(body, 10))"},
	})
	if !rejects(t, dst, `INSERT INTO p (id, name) VALUES (5, 'abcxyz')`) {
		t.Error("'abcxyz' beside 'abcdef' accepted: MySQL refuses it")
	}
	if rejects(t, dst, `INSERT INTO p (id, body) VALUES (6, repeat(md5('y'), 400))`) {
		t.Error("a 12800-byte body refused")
	}
	if !rejects(t, dst, `INSERT INTO kp VALUES ('aaaa2', 3)`) {
		t.Error("'aaaa2' beside 'aaaa1' accepted: MySQL's PRIMARY KEY (k(4)) refuses it")
	}
}
